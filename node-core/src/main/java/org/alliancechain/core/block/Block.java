package org.alliancechain.core.block;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.merkle.MerkleTree;
import org.alliancechain.core.tx.Transaction;

/** A block: its header and the ordered transactions whose Merkle root the header commits to. */
public record Block(BlockHeader header, List<Transaction> transactions) {
  public static final int TRANSACTIONS_MAX = 10_000;

  public Block {
    transactions = List.copyOf(transactions);
    if (transactions.size() > TRANSACTIONS_MAX) {
      throw new IllegalArgumentException("over " + TRANSACTIONS_MAX + " transactions in a block");
    }
  }

  /** RFC 6962 root over the transactions' hashes (leaf i = hash of transaction i). */
  public static Hash txRoot(List<Transaction> transactions) {
    return MerkleTree.rootOfLeafHashes(
        transactions.stream().map(tx -> MerkleTree.leafHash(tx.hash().toBytes())).toList());
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

  public static Block decode(CanonicalReader r) {
    BlockHeader header = BlockHeader.decode(r);
    int count = r.count("transactions", TRANSACTIONS_MAX);
    List<Transaction> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      txs.add(Transaction.decode(r));
    }
    return new Block(header, txs);
  }

  public static Block decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    Block block = decode(r);
    r.expectEnd("block");
    return block;
  }
}
