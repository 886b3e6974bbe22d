package org.alliancechain.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.NodeKey;

/**
 * Key layout inside the column families. Heights and versions are 8-byte big-endian so that
 * RocksDB's byte order is numeric order. One-byte prefixes separate the kinds of key sharing a
 * column family.
 */
final class Keys {
  // blocks
  static final byte BLOCK = 'b';
  static final byte BLOCK_HASH = 'h';
  // state
  static final byte NODE = 'n';
  static final byte ROOT = 'r';
  static final byte STALE = 's';
  static final byte LATEST = 'l';
  // resources
  static final byte MANIFEST = 'm';
  static final byte CHUNK = 'c';
  static final byte PENDING = 'p';
  static final byte UPLOAD_SEQUENCE = 'q';
  static final byte LOCAL = 'k';
  static final byte RESUMABLE = 'u';
  // meta
  static final byte[] CHAIN_ID = ascii("chain_id");
  static final byte[] SCHEMA_VERSION = ascii("schema_version");
  static final byte[] HEAD_HEIGHT = ascii("head_height");
  static final byte[] GENESIS_HASH = ascii("genesis_hash");
  static final byte[] STATE_ROOT_PREFIX = ascii("state_root/");

  private Keys() {}

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] u64(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  static long readU64(byte[] bytes, int offset) {
    return ByteBuffer.wrap(bytes, offset, 8).getLong();
  }

  static byte[] prefixed(byte prefix, long value) {
    return ByteBuffer.allocate(9).put(prefix).putLong(value).array();
  }

  static byte[] prefixed(byte prefix, Hash hash) {
    byte[] out = new byte[1 + Hash.SIZE_BYTES];
    out[0] = prefix;
    hash.copyTo(out, 1);
    return out;
  }

  static byte[] block(long height) {
    return prefixed(BLOCK, height);
  }

  static byte[] blockHash(Hash hash) {
    return prefixed(BLOCK_HASH, hash);
  }

  static byte[] node(NodeKey key) {
    return ByteBuffer.allocate(1 + NodeKey.SIZE_BYTES).put(NODE).put(key.encode()).array();
  }

  static byte[] root(long version) {
    return prefixed(ROOT, version);
  }

  static byte[] stale(long staleSince, NodeKey key) {
    return ByteBuffer.allocate(9 + NodeKey.SIZE_BYTES)
        .put(STALE)
        .putLong(staleSince)
        .put(key.encode())
        .array();
  }

  static byte[] latest(Hash keyHash) {
    return prefixed(LATEST, keyHash);
  }

  static byte[] stateRoot(long height) {
    return ByteBuffer.allocate(STATE_ROOT_PREFIX.length + 8)
        .put(STATE_ROOT_PREFIX)
        .putLong(height)
        .array();
  }

  static byte[] chunk(long uploadId, int index) {
    return ByteBuffer.allocate(13).put(CHUNK).putLong(uploadId).putInt(index).array();
  }
}
