package org.alliancechain.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SPEC M-15 / ARCHITECTURE rule 2: the contract code may not read a clock, use floating point, draw
 * randomness or iterate hash-ordered collections. A plain scan of the module's main sources.
 */
class DeterminismSourceTest {
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "\\b(double|float|Double|Float|HashMap|HashSet|Random|SecureRandom|Instant\\.now|"
              + "LocalDateTime\\.now|LocalDate\\.now|Clock|currentTimeMillis|nanoTime|Math\\.random)\\b");

  @Test
  void mainSourcesUseNoClockFloatRandomnessOrHashOrder() throws IOException {
    Path root = Path.of("src/main/java/org/alliancechain/contracts");
    assertThat(root).isDirectory();
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String code = lines.get(i).replaceAll("//.*", "").replaceAll("\"[^\"]*\"", "\"\"");
          if (!code.trim().startsWith("*") && FORBIDDEN.matcher(code).find()) {
            hits.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(hits).isEmpty();
  }
}
