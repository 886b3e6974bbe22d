package org.alliancechain.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process with captured output, as a user would type it. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    CommandLine commandLine = AllianceCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return new CliRun(code, out.toString(), err.toString());
  }
}
