package org.alliancechain.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The temp folders of local alliances (bench, chaos): removed when a run ends. */
public final class TempFolders {
  private TempFolders() {}

  /**
   * Deletes {@code root} and everything below it, best effort: a node still writing as it stops may
   * leave a file behind, which the OS temp cleaner takes; the run's report matters more.
   */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort, as above
    }
  }
}
