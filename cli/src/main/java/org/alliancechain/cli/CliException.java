package org.alliancechain.cli;

/**
 * An expected failure of a command: printed as one line {@code error: <message>} on stderr, and the
 * process exits with {@link #exitCode()} (see {@link AllianceCommand} for the codes).
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static CliException usage(String message) {
    return new CliException(AllianceCommand.EXIT_USAGE, message);
  }

  public static CliException failure(String message) {
    return new CliException(AllianceCommand.EXIT_FAILURE, message);
  }

  public static CliException unreachable(String message) {
    return new CliException(AllianceCommand.EXIT_UNREACHABLE, message);
  }

  public int exitCode() {
    return exitCode;
  }
}
