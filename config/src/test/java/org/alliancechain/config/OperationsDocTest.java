package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/operations.md documents every parameter with its real default, so the two cannot drift. */
class OperationsDocTest {
  @Test
  void everyParameterIsDocumentedWithItsDefault() throws Exception {
    Path doc = Path.of("..", "docs", "operations.md");
    String text = Files.readString(doc);
    for (Parameter p : Parameter.values()) {
      String row =
          "| `"
              + p.specName()
              + "` | "
              + p.unit().name().toLowerCase(java.util.Locale.ROOT)
              + " | "
              + p.format(p.defaultValue())
              + " |";
      assertThat(text).as("row for %s in %s", p.specName(), doc).contains(row);
    }
  }
}
