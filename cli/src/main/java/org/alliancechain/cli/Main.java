package org.alliancechain.cli;

/**
 * Entry point of the {@code alliance} command. Parses, delegates, exits with the command's code.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line in-process and returns its exit code (tests call this). */
  public static int execute(String... args) {
    return AllianceCommand.newCommandLine().execute(args);
  }
}
