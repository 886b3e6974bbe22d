package org.alliancechain.core.block;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.merkle.MerkleProof;
import org.alliancechain.core.merkle.MerkleTree;
import org.alliancechain.core.tx.Transaction;

/** A block: its header and the ordered transactions whose Merkle root the header commits to. */
public record Block(BlockHeader header, List<Transaction> transactions) {
  public static final int TRANSACTIONS_MAX = 10_000;

  /** The sum of the transactions' encodings in one block (what a proposer may pack). */
  public static final int TRANSACTIONS_BYTES_MAX = 8 * 1024 * 1024;

  /** The longest encoding of a block: header, transaction count, transactions. */
  public static final int ENCODED_BYTES_MAX =
      BlockHeader.ENCODED_BYTES_MAX + 4 + TRANSACTIONS_BYTES_MAX;

  static {
    Invariants.check(
        TRANSACTIONS_BYTES_MAX >= Transaction.ENCODED_BYTES_MAX,
        "a block holds at least one transaction of the largest size");
  }

  public Block {
    transactions = List.copyOf(transactions);
    if (transactions.size() > TRANSACTIONS_MAX) {
      throw new IllegalArgumentException("over " + TRANSACTIONS_MAX + " transactions in a block");
    }
    long bytes = 0;
    for (Transaction tx : transactions) {
      bytes += tx.encodedSizeBytes();
    }
    if (bytes > TRANSACTIONS_BYTES_MAX) {
      throw new IllegalArgumentException(
          "transactions take " + bytes + " bytes, over " + TRANSACTIONS_BYTES_MAX);
    }
  }

  /** The Merkle leaf data of a transaction: its hash (so a proof needs only the 32-byte id). */
  public static Hash txLeafHash(Hash txHash) {
    return MerkleTree.leafHash(txHash.toBytes());
  }

  /** RFC 6962 root over the transactions' hashes (leaf i = hash of transaction i). */
  public static Hash txRoot(List<Transaction> transactions) {
    return MerkleTree.rootOfLeafHashes(txLeafHashes(transactions));
  }

  private static List<Hash> txLeafHashes(List<Transaction> transactions) {
    return transactions.stream().map(tx -> txLeafHash(tx.hash())).toList();
  }

  /** The RFC 6962 audit path proving that transaction {@code index} is in this block. */
  public List<Hash> txInclusionProof(int index) {
    return MerkleProof.inclusionProof(txLeafHashes(transactions), index);
  }

  /**
   * Checks that the transaction with {@code txHash} is number {@code index} of the block with
   * {@code header}. The tree size is the header's {@code txCount}: a Merkle root does not commit to
   * its size, the (certified) header does.
   */
  public static Verdict verifyTxInclusion(
      BlockHeader header, Hash txHash, long index, List<Hash> proof) {
    return MerkleProof.verifyInclusion(
        txLeafHash(txHash), index, header.txCount(), proof, header.txRoot());
  }

  public Hash hash() {
    return header.hash();
  }

  public long height() {
    return header.height();
  }

  /** Checks that the body matches the header (count and Merkle root). */
  public Verdict checkBody() {
    if (header.txCount() != transactions.size()) {
      return Verdict.reject(
          "tx_count_mismatch",
          "header says " + header.txCount() + ", body has " + transactions.size());
    }
    if (!txRoot(transactions).equals(header.txRoot())) {
      return Verdict.reject("tx_root_mismatch", "transactions do not hash to the header's root");
    }
    return Verdict.ok();
  }

  public void encode(CanonicalWriter w) {
    header.encode(w);
    w.count(transactions.size());
    for (Transaction tx : transactions) {
      tx.encode(w);
    }
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(256 + 256 * transactions.size());
    encode(w);
    return w.toByteArray();
  }

  /** Reads a block; throws only {@link DecodeException}. */
  public static Block decode(CanonicalReader r) {
    BlockHeader header = BlockHeader.decode(r);
    int count = r.count("transactions", TRANSACTIONS_MAX);
    List<Transaction> txs = new ArrayList<>(count);
    int start = r.positionBytes();
    for (int i = 0; i < count; i++) {
      txs.add(Transaction.decode(r));
      if (r.positionBytes() - start > TRANSACTIONS_BYTES_MAX) {
        throw new DecodeException(
            DecodeException.Reason.LENGTH_OVER_LIMIT,
            "transactions exceed " + TRANSACTIONS_BYTES_MAX + " bytes");
      }
    }
    try {
      return new Block(header, txs);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, e.getMessage());
    }
  }

  public static Block decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    Block block = decode(r);
    r.expectEnd("block");
    return block;
  }
}
