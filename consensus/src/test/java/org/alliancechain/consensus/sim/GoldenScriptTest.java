package org.alliancechain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripted interaction tests with golden output (in the manner of etcd raft's testdata). Each
 * {@code NAME.script} under {@code src/test/resources/golden} runs on a {@link ScriptCluster}; the
 * output must equal {@code NAME.golden}. Regenerate with {@code -Dgolden.update=true}, then read
 * the diff: the golden files are reviewed by hand against the paper's rules.
 */
class GoldenScriptTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "normal-case",
        "view-change",
        "checkpoint-truncation",
        "catch-up",
        "lost-commits",
        "validator-set-change"
      })
  void scriptOutputMatchesGolden(String name) throws IOException {
    String script = Files.readString(DIR.resolve(name + ".script"), StandardCharsets.UTF_8);
    String sizes = header(script);
    int plus = sizes.indexOf('+');
    ScriptCluster cluster =
        plus < 0
            ? new ScriptCluster(Integer.parseInt(sizes))
            : new ScriptCluster(
                Integer.parseInt(sizes.substring(0, plus).strip()),
                Integer.parseInt(sizes.substring(plus + 1).strip()));
    cluster.run(script);
    String actual = cluster.output();
    Path golden = DIR.resolve(name + ".golden");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  // The first line of a script is "# validators: N" or "# validators: N + OBSERVERS".
  private static String header(String script) {
    String line = script.lines().findFirst().orElseThrow();
    return line.substring(line.indexOf(':') + 1).strip();
  }
}
