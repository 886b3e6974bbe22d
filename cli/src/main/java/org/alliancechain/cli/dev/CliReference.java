package org.alliancechain.cli.dev;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The reference section of docs/cli.md, generated from the command tree: every command's real
 * {@code --help}, without colours, at a fixed width. CliDocsTest fails when the committed section
 * differs; {@code alliance dev cli-docs --write docs/cli.md} rewrites it.
 */
public final class CliReference {
  public static final String BEGIN =
      "<!-- cli-reference:begin (generated: ./alliance dev cli-docs --write docs/cli.md) -->";
  public static final String END = "<!-- cli-reference:end -->";
  static final int WIDTH = 100;

  private CliReference() {}

  /** Every command, depth first in declaration order, each once (aliases are skipped). */
  public static List<CommandLine> commands(CommandLine root) {
    List<CommandLine> all = new ArrayList<>();
    walk(root, all, new IdentityHashMap<>());
    return all;
  }

  private static void walk(
      CommandLine command, List<CommandLine> all, Map<CommandLine, Boolean> seen) {
    if (seen.put(command, Boolean.TRUE) != null) {
      return;
    }
    all.add(command);
    for (CommandLine sub : command.getSubcommands().values()) {
      walk(sub, all, seen);
    }
  }

  /** The generated markdown, from {@link #BEGIN} to {@link #END} inclusive. */
  public static String markdown(CommandLine root) {
    root.setUsageHelpAutoWidth(false);
    root.setUsageHelpWidth(WIDTH);
    StringBuilder md = new StringBuilder();
    md.append(BEGIN).append('\n');
    for (CommandLine c : commands(root)) {
      md.append('\n')
          .append("### `")
          .append(c.getCommandSpec().qualifiedName())
          .append("`\n\n```text\n");
      String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
      // Markdown keeps trailing spaces as line breaks; the help text does not mean them.
      usage.lines().forEach(l -> md.append(l.stripTrailing()).append('\n'));
      md.append("```\n");
    }
    md.append('\n').append(END).append('\n');
    return md.toString();
  }

  /**
   * {@code document} with its generated section replaced by {@code generated}, or the section
   * appended when the document has none.
   */
  public static String updated(String document, String generated) {
    int begin = document.indexOf(BEGIN);
    int end = document.indexOf(END);
    if (begin < 0 || end < begin) {
      return document + (document.endsWith("\n") ? "" : "\n") + "\n" + generated;
    }
    String after = document.substring(end + END.length());
    return document.substring(0, begin) + generated + after.replaceFirst("^\n", "");
  }
}
