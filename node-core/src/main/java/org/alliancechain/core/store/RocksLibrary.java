package org.alliancechain.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import org.alliancechain.core.hash.Sha256;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's native library from one kept copy instead of a new temporary file per process.
 *
 * <p>{@link RocksDB#loadLibrary()} copies the 15 MB library out of its jar into {@code
 * java.io.tmpdir} on every start and deletes it only on a normal JVM exit. A node stops with {@code
 * Runtime.halt} (and may be killed), so every start left 15 MB behind: 5,262 files, 79 GB of {@code
 * /tmp} on the development machine after two days of tests and benchmarks, until a bench run failed
 * with "No space left on device" (docs/operations.md).
 *
 * <p>Here the library is copied once into {@code $ALLIANCE_NATIVE_DIR}, else {@code
 * $XDG_CACHE_HOME/alliancechain/native}, else {@code ~/.cache/alliancechain/native}, in a folder
 * named by its SHA-256 (so another RocksDB version gets its own), written to a temporary name and
 * moved into place atomically (several nodes may start at once). If that folder cannot be written,
 * RocksDB's own loading is used, as before, with the temporary file.
 */
public final class RocksLibrary {
  /** Environment variable naming the folder that keeps native libraries. */
  public static final String DIR_ENV = "ALLIANCE_NATIVE_DIR";

  private static volatile Path loadedFrom;
  private static boolean attempted;

  private RocksLibrary() {}

  /** Loads the library (once per process); later calls return at once. */
  public static synchronized void load() {
    if (attempted) {
      return;
    }
    attempted = true;
    try {
      Path dir = keep(nativeRoot());
      RocksDB.loadLibrary(List.of(dir.toString()));
      loadedFrom = dir;
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      org.slf4j.LoggerFactory.getLogger(RocksLibrary.class)
          .warn(
              "RocksDB's library could not be kept ({}); loading it from a temporary file",
              e.toString());
      RocksDB.loadLibrary();
    }
  }

  /** The folder the library was loaded from, or null if RocksDB's own loading was used. */
  public static Path loadedFrom() {
    return loadedFrom;
  }

  static Path nativeRoot() {
    String explicit = System.getenv(DIR_ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("alliancechain").resolve("native");
  }

  /**
   * Makes sure {@code root/rocksdbjni-HASH/FILE} holds the jar's library and returns that folder. A
   * copy already there is used if its bytes hash to the same value.
   */
  static Path keep(Path root) throws IOException {
    String resource = Environment.getJniLibraryFileName("rocksdb"); // librocksdbjni-linux64.so
    // The name RocksDB.loadLibrary(paths) looks for in each folder: in 10.10 it passes
    // "rocksdbjni" to the same method, which adds "jni" again (librocksdbjnijni-linux64.so).
    // RocksLibraryTest fails if a RocksDB upgrade changes that.
    String fileName = Environment.getJniLibraryFileName("rocksdbjni");
    byte[] library;
    try (InputStream in = RocksDB.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IOException("the RocksDB jar holds no " + resource + " for this platform");
      }
      library = in.readAllBytes();
    }
    String hash = HexFormat.of().formatHex(Sha256.hash(library).toBytes(), 0, 8);
    Path dir = root.resolve("rocksdbjni-" + hash);
    Path target = dir.resolve(fileName);
    if (Files.isRegularFile(target)
        && Files.size(target) == library.length
        && java.util.Arrays.equals(Files.readAllBytes(target), library)) {
      return dir;
    }
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, fileName, ".partial");
    try {
      Files.write(partial, library);
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
    return dir;
  }
}
