package org.alliancechain.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

// RocksDB's native library is kept in one folder, not copied to a new temporary file per process
// (docs/operations.md: 5,262 such files filled /tmp on the development machine).
class RocksLibraryTest {
  @TempDir Path root;

  private static byte[] jarLibrary() throws Exception {
    try (var in =
        RocksDB.class.getResourceAsStream("/" + Environment.getJniLibraryFileName("rocksdb"))) {
      return in.readAllBytes();
    }
  }

  @Test
  void theLibraryIsCopiedOnceAndThenReused() throws Exception {
    Path dir = RocksLibrary.keep(root);
    Path file = dir.resolve(Environment.getJniLibraryFileName("rocksdbjni"));
    assertThat(file).hasBinaryContent(jarLibrary());
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(file, written);

    assertThat(RocksLibrary.keep(root)).isEqualTo(dir);

    assertThat(Files.getLastModifiedTime(file)).isEqualTo(written); // not written again
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(file); // no partial copies left behind
    }
  }

  @Test
  void aDamagedCopyIsReplaced() throws Exception {
    Path dir = RocksLibrary.keep(root);
    Path file = dir.resolve(Environment.getJniLibraryFileName("rocksdbjni"));
    byte[] damaged = Files.readAllBytes(file);
    damaged[damaged.length / 2] ^= 1;
    Files.write(file, damaged);

    assertThat(RocksLibrary.keep(root)).isEqualTo(dir);

    assertThat(file).hasBinaryContent(jarLibrary());
  }

  @Test
  void theProcessLoadsItFromTheKeptFolder() throws Exception {
    RocksLibrary.load();
    // Loaded from the kept copy, unless an earlier test in this JVM loaded RocksDB another way.
    assertThat(RocksLibrary.loadedFrom()).isNotNull();
    assertThat(RocksLibrary.loadedFrom().resolve(Environment.getJniLibraryFileName("rocksdbjni")))
        .isRegularFile();
    try (var options = new org.rocksdb.Options()) {
      assertThat(options.createIfMissing()).isFalse(); // a native call answers
    }
  }
}
