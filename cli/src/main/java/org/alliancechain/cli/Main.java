package org.alliancechain.cli;

import picocli.CommandLine;

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
    CommandLine commandLine = AllianceCommand.newCommandLine();
    try {
      return commandLine.execute(args);
    } finally {
      // print() does not auto-flush, and main() exits right after.
      commandLine.getOut().flush();
      commandLine.getErr().flush();
    }
  }
}
