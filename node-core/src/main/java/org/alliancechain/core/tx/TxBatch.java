package org.alliancechain.core.tx;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;

/**
 * Many signed transactions in one message: a count, then each transaction's canonical encoding with
 * its length. Used where one request or one peer frame per transaction costs more than the
 * transaction (the client's batch submit, mempool gossip): docs/benchmarks.md, step 2.
 */
public final class TxBatch {
  /** Transactions in one batch at most. */
  public static final int COUNT_MAX = 4_096;

  private TxBatch() {}

  public static byte[] encode(List<Transaction> txs) {
    if (txs.size() > COUNT_MAX) {
      throw new IllegalArgumentException("a batch holds at most " + COUNT_MAX + " transactions");
    }
    CanonicalWriter w = new CanonicalWriter(16 + 256 * txs.size());
    w.count(txs.size());
    for (Transaction tx : txs) {
      w.bytes(tx.encode());
    }
    return w.toByteArray();
  }

  /** The same bytes as {@link #encode}, from transactions already encoded (a load generator). */
  public static byte[] encodeEncoded(List<byte[]> encodedTxs) {
    if (encodedTxs.size() > COUNT_MAX) {
      throw new IllegalArgumentException("a batch holds at most " + COUNT_MAX + " transactions");
    }
    int size = 4;
    for (byte[] tx : encodedTxs) {
      size += 4 + tx.length;
    }
    CanonicalWriter w = new CanonicalWriter(size);
    w.count(encodedTxs.size());
    for (byte[] tx : encodedTxs) {
      w.bytes(tx);
    }
    return w.toByteArray();
  }

  /** Reads a whole batch; throws only {@link DecodeException} (trailing bytes included). */
  public static List<Transaction> decode(byte[] bytes, int offset, int length) {
    CanonicalReader r = new CanonicalReader(bytes, offset, length);
    int count = r.count("transactions", COUNT_MAX);
    List<Transaction> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] one = r.bytes("transaction", Transaction.ENCODED_BYTES_MAX);
      txs.add(Transaction.decode(one));
    }
    r.expectEnd("transaction batch");
    return txs;
  }

  public static List<Transaction> decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }
}
