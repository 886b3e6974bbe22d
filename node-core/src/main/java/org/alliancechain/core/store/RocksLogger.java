package org.alliancechain.core.store;

import org.rocksdb.InfoLogLevel;
import org.rocksdb.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends RocksDB's own log to SLF4J. Besides keeping one log, it matters for opening: RocksDB
 * creates and rotates a LOG file in the data folder unless given a logger, and an open that fails
 * its checks must leave the folder exactly as it was.
 */
final class RocksLogger extends Logger {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.rocksdb");

  RocksLogger() {
    super(InfoLogLevel.WARN_LEVEL);
  }

  @Override
  protected void log(InfoLogLevel level, String message) {
    switch (level) {
      case DEBUG_LEVEL -> LOG.debug(message);
      case INFO_LEVEL, HEADER_LEVEL -> LOG.info(message);
      case WARN_LEVEL -> LOG.warn(message);
      case ERROR_LEVEL, FATAL_LEVEL, NUM_INFO_LOG_LEVELS -> LOG.error(message);
    }
  }
}
