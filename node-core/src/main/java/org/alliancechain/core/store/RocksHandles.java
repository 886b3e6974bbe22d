package org.alliancechain.core.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/** Every native RocksDB object of one open database, closed together in reverse order. */
final class RocksHandles implements AutoCloseable {
  private final RocksLogger logger;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions familyOptions;
  private final List<String> names;
  private final List<ColumnFamilyHandle> families;
  private final RocksDB db;
  private final WriteOptions syncWrite;

  private RocksHandles(
      RocksLogger logger,
      DBOptions dbOptions,
      ColumnFamilyOptions familyOptions,
      List<String> names,
      List<ColumnFamilyHandle> families,
      RocksDB db) {
    this.logger = logger;
    this.dbOptions = dbOptions;
    this.familyOptions = familyOptions;
    this.names = List.copyOf(names);
    this.families = List.copyOf(families);
    this.db = db;
    this.syncWrite = new WriteOptions().setSync(true);
  }

  static RocksHandles openWritable(Path dir, boolean create) {
    return open(dir, RocksStore.COLUMN_FAMILIES, create, false);
  }

  static RocksHandles openReadOnly(Path dir, List<String> names) {
    return open(dir, names, false, true);
  }

  private static RocksHandles open(Path dir, List<String> names, boolean create, boolean readOnly) {
    RocksLogger logger = new RocksLogger();
    DBOptions dbOptions = RocksStore.dbOptions(logger, create);
    ColumnFamilyOptions familyOptions = RocksStore.familyOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : names) {
      descriptors.add(
          new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), familyOptions));
    }
    List<ColumnFamilyHandle> families = new ArrayList<>();
    try {
      RocksDB db =
          readOnly
              ? RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, families)
              : RocksDB.open(dbOptions, dir.toString(), descriptors, families);
      return new RocksHandles(logger, dbOptions, familyOptions, names, families, db);
    } catch (RocksDBException e) {
      families.forEach(ColumnFamilyHandle::close);
      familyOptions.close();
      dbOptions.close();
      logger.close();
      throw StoreOpener.classifyOpen(dir, e);
    }
  }

  RocksDB db() {
    return db;
  }

  WriteOptions syncWrite() {
    return syncWrite;
  }

  ColumnFamilyHandle family(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column family " + name);
    }
    return families.get(index);
  }

  boolean hasFamily(String name) {
    return names.contains(name);
  }

  List<ColumnFamilyHandle> families() {
    return families;
  }

  @Override
  public void close() {
    syncWrite.close();
    families.forEach(ColumnFamilyHandle::close);
    db.close();
    familyOptions.close();
    dbOptions.close();
    logger.close();
  }
}
