package org.alliancechain.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.store.StoreException.Reason;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * The checks before a store is opened for writing. They run on a read-only open, which writes
 * nothing to the folder (RocksDB's own log goes to SLF4J), so an open that fails them leaves the
 * store exactly as it was.
 */
final class StoreOpener {
  private StoreOpener() {}

  /** Returns true when there is no store yet and one should be created. */
  static boolean checkBeforeOpen(Path dir, String chainId) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new StoreException(Reason.NOT_A_STORE, dir + " is a file, not a data folder");
    }
    if (!Files.exists(dir.resolve("CURRENT"))) {
      List<String> files = list(dir);
      if (files.isEmpty()) {
        return true;
      }
      boolean rocksFiles =
          files.stream()
              .anyMatch(
                  f ->
                      f.startsWith("MANIFEST-")
                          || f.endsWith(".sst")
                          || f.endsWith(".log")
                          || f.equals("IDENTITY"));
      throw rocksFiles
          ? new StoreException(
              Reason.CORRUPT, dir + " has store files but no CURRENT file; restore from a backup")
          : new StoreException(
              Reason.NOT_A_STORE, dir + " is not empty and holds no store: " + files);
    }
    checkExisting(dir, chainId);
    return false;
  }

  private static List<String> list(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new StoreException(Reason.IO, "cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void checkExisting(Path dir, String chainId) {
    List<String> present;
    try (Options options = new Options()) {
      present = RocksStore.sortedFamilies(RocksDB.listColumnFamilies(options, dir.toString()));
    } catch (RocksDBException e) {
      throw classifyOpen(dir, e);
    }
    if (!present.contains("default")) {
      // Every RocksDB database has the default family; an unreadable MANIFEST lists none.
      throw new StoreException(
          Reason.CORRUPT, dir + " cannot be read: its column families cannot be listed " + present);
    }
    if (!present.contains(RocksStore.CF_META)) {
      // Readable (or this throws CORRUPT) but without our metadata: someone else's database.
      RocksHandles.openReadOnly(dir, present).close();
      throw new StoreException(
          Reason.NOT_A_STORE, dir + " is a RocksDB database but not an AllianceChain store");
    }
    try (RocksHandles handles = RocksHandles.openReadOnly(dir, present)) {
      checkMeta(dir, handles, present, chainId);
      checkHead(handles);
    } catch (RocksDBException e) {
      throw classifyOpen(dir, e);
    } catch (DecodeException e) {
      throw new StoreException(
          Reason.CORRUPT, dir + ": a stored value does not decode: " + e.getMessage(), e);
    }
  }

  private static void checkMeta(
      Path dir, RocksHandles handles, List<String> present, String chainId)
      throws RocksDBException {
    ColumnFamilyHandle meta = handles.family(RocksStore.CF_META);
    byte[] schema = handles.db().get(meta, Keys.SCHEMA_VERSION);
    if (schema == null) {
      boolean unfinished =
          handles.db().get(meta, Keys.CHAIN_ID) == null
              && handles.db().get(meta, Keys.HEAD_HEIGHT) == null;
      throw new StoreException(
          Reason.CORRUPT,
          dir
              + (unfinished
                  ? " is a store whose creation never finished (no metadata was written);"
                      + " delete the folder and start again"
                  : " has no schema version record"));
    }
    int version = RocksStore.readSchemaVersion(schema);
    if (version != StoreLimits.SCHEMA_VERSION) {
      throw new StoreException(
          Reason.SCHEMA_MISMATCH,
          dir
              + " was written with store schema "
              + version
              + "; this node reads schema "
              + StoreLimits.SCHEMA_VERSION
              + ". Use a matching node version or migrate the store.");
    }
    List<String> expected = RocksStore.COLUMN_FAMILIES.stream().sorted().toList();
    if (!present.equals(expected)) {
      throw new StoreException(
          Reason.CORRUPT, dir + " has column families " + present + ", expected " + expected);
    }
    byte[] chain = handles.db().get(meta, Keys.CHAIN_ID);
    if (chain == null) {
      throw new StoreException(Reason.CORRUPT, dir + " has no chain id record");
    }
    String stored = RocksStore.readChainId(chain);
    if (!stored.equals(chainId)) {
      throw new StoreException(
          Reason.CHAIN_MISMATCH,
          dir
              + " holds chain '"
              + stored
              + "', not '"
              + chainId
              + "'. Point the node at its own data folder.");
    }
  }

  /** The head must have its state root, its state tree root and (above genesis) its block. */
  private static void checkHead(RocksHandles handles) throws RocksDBException {
    RocksDB db = handles.db();
    byte[] headBytes = db.get(handles.family(RocksStore.CF_META), Keys.HEAD_HEIGHT);
    if (headBytes == null) {
      return;
    }
    long head = Keys.readU64(headBytes, 0);
    if (db.get(handles.family(RocksStore.CF_META), Keys.stateRoot(head)) == null
        || db.get(handles.family(RocksStore.CF_STATE), Keys.root(head)) == null) {
      throw new StoreException(Reason.CORRUPT, "no state root for head " + head);
    }
    if (head > 0) {
      byte[] block = db.get(handles.family(RocksStore.CF_BLOCKS), Keys.block(head));
      Optional<CertifiedBlock> decoded = Optional.ofNullable(block).map(CertifiedBlock::decode);
      if (decoded.isEmpty() || decoded.get().block().height() != head) {
        throw new StoreException(Reason.CORRUPT, "head block " + head + " is missing or wrong");
      }
    }
  }

  static StoreException classifyOpen(Path dir, RocksDBException e) {
    String message = String.valueOf(e.getMessage());
    if (isLockError(message)) {
      return new StoreException(
          Reason.LOCKED,
          dir
              + " is in use: another node process (or this one) has it open. Stop it or use"
              + " another data folder. ("
              + message
              + ")",
          e);
    }
    if (message.contains("Permission denied")) {
      return new StoreException(Reason.IO, dir + ": " + message, e);
    }
    return new StoreException(Reason.CORRUPT, dir + " cannot be read: " + message, e);
  }

  static StoreException classify(String what, RocksDBException e) {
    Status status = e.getStatus();
    boolean corrupt = status != null && status.getCode() == Status.Code.Corruption;
    return new StoreException(
        corrupt ? Reason.CORRUPT : Reason.IO, what + ": " + e.getMessage(), e);
  }

  private static boolean isLockError(String message) {
    return message.contains("lock file")
        || message.contains("LOCK")
        || message.contains("lock hold");
  }
}
