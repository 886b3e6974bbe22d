package org.alliancechain.core.block;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;

/**
 * A block header (SPEC M-26). Its hash is what validators sign in their commit votes.
 *
 * <p>State root: consensus may have several blocks in flight, so a proposer cannot know the state
 * after the block it proposes. The header instead commits to the state root after executing every
 * block up to {@code executedHeight} (the latest block the proposer had executed, at most {@code
 * height - 1}, never lower than the parent's). A node that executes that height and gets another
 * root has diverged and stops. {@code executedHeight = height - 1} when blocks are not pipelined.
 *
 * @param validatorSetHash the set that must certify this block
 * @param timestampMillis block time chosen by the proposer (bounded by validators); the only clock
 *     the application sees
 */
public record BlockHeader(
    String chainId,
    long height,
    long view,
    Hash previousHash,
    Hash txRoot,
    int txCount,
    long executedHeight,
    Hash executedStateRoot,
    Hash validatorSetHash,
    PublicKey proposer,
    long timestampMillis) {

  public static final int VERSION = 1;

  /** The longest encoding: version, chain id, 4 u63, 4 hashes, a u32, the proposer's key. */
  public static final int ENCODED_BYTES_MAX =
      1
          + 4
          + Transaction.CHAIN_ID_BYTES_MAX
          + 4 * 8
          + 4 * Hash.SIZE_BYTES
          + 4
          + PublicKey.SIZE_BYTES;

  public BlockHeader {
    if (!Transaction.isValidChainId(chainId)) {
      throw new IllegalArgumentException("malformed chain id: " + chainId);
    }
    if (height < 0 || view < 0 || txCount < 0 || timestampMillis < 0) {
      throw new IllegalArgumentException("height, view, txCount and timestamp are non-negative");
    }
    if (txCount > Block.TRANSACTIONS_MAX) {
      throw new IllegalArgumentException("tx count over " + Block.TRANSACTIONS_MAX);
    }
    // Genesis (height 0) has executed nothing but itself: executedHeight 0, its own state root.
    if (executedHeight < 0 || (height > 0 ? executedHeight >= height : executedHeight != 0)) {
      throw new IllegalArgumentException(
          "executed height " + executedHeight + " must be below height " + height);
    }
  }

  public void encode(CanonicalWriter w) {
    w.u8(VERSION).string(chainId).u63(height).u63(view).hash(previousHash).hash(txRoot);
    w.u32(txCount).u63(executedHeight).hash(executedStateRoot).hash(validatorSetHash);
    proposer.encode(w);
    w.u63(timestampMillis);
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(256);
    encode(w);
    return w.toByteArray();
  }

  public Hash hash() {
    return Sha256.hash(encode());
  }

  public static BlockHeader decode(CanonicalReader r) {
    int version = r.u8("header version");
    if (version != VERSION) {
      throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "header version " + version);
    }
    try {
      return new BlockHeader(
          r.string("chain id", Transaction.CHAIN_ID_BYTES_MAX),
          r.u63("height"),
          r.u63("view"),
          r.hash("previous hash"),
          r.hash("tx root"),
          r.u32("tx count", Block.TRANSACTIONS_MAX),
          r.u63("executed height"),
          r.hash("executed state root"),
          r.hash("validator set hash"),
          PublicKey.decode(r, "proposer"),
          r.u63("timestamp"));
    } catch (IllegalArgumentException e) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, e.getMessage());
    }
  }

  public static BlockHeader decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    BlockHeader header = decode(r);
    r.expectEnd("block header");
    return header;
  }
}
