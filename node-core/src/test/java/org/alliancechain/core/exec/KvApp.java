package org.alliancechain.core.exec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.app.Application;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.tx.Transaction;

/**
 * A tiny key-value application for tests: put, delete, a transaction that writes and then fails,
 * one that tries to write a reserved key, and an end-of-block counter.
 */
public final class KvApp implements Application {
  public static final int PUT = 1;
  public static final int DELETE = 2;
  public static final int WRITE_THEN_FAIL = 3;
  public static final int WRITE_RESERVED = 4;
  public static final Bytes BLOCKS_KEY = text("app/blocks");

  public static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  public static Transaction put(KeyPair sender, String chain, long nonce, Bytes key, Bytes value) {
    byte[] payload =
        new CanonicalWriter().bytes(key.unsafeArray()).bytes(value.unsafeArray()).toByteArray();
    return Transaction.sign(sender, chain, nonce, PUT, Bytes.wrap(payload));
  }

  public static Transaction delete(KeyPair sender, String chain, long nonce, Bytes key) {
    byte[] payload = new CanonicalWriter().bytes(key.unsafeArray()).toByteArray();
    return Transaction.sign(sender, chain, nonce, DELETE, Bytes.wrap(payload));
  }

  public static Transaction writeThenFail(KeyPair sender, String chain, long nonce, Bytes key) {
    byte[] payload = new CanonicalWriter().bytes(key.unsafeArray()).toByteArray();
    return Transaction.sign(sender, chain, nonce, WRITE_THEN_FAIL, Bytes.wrap(payload));
  }

  @Override
  public Verdict check(Transaction tx, StateReader state) {
    return tx.kind() >= PUT && tx.kind() <= WRITE_RESERVED
        ? Verdict.ok()
        : Verdict.reject("unknown_kind", "kind " + tx.kind());
  }

  @Override
  public TxOutcome execute(BlockContext block, Transaction tx, StateWriter state) {
    CanonicalReader r = new CanonicalReader(tx.payload().unsafeArray());
    Bytes key = Bytes.wrap(r.bytes("key", 1024));
    switch (tx.kind()) {
      case PUT -> state.put(key, Bytes.wrap(r.bytes("value", 1 << 20)));
      case DELETE -> state.delete(key);
      case WRITE_THEN_FAIL -> {
        state.put(key, text("should not stay"));
        return TxOutcome.failed("app_refused", "refused after writing");
      }
      case WRITE_RESERVED -> state.put(Nonces.key(tx.sender()), text("forged"));
      default -> {
        return TxOutcome.failed("unknown_kind", "kind " + tx.kind());
      }
    }
    return TxOutcome.ok(text("did " + tx.kind()));
  }

  @Override
  public void endBlock(BlockContext block, StateWriter state) {
    long blocks =
        state.get(BLOCKS_KEY).map(v -> ByteBuffer.wrap(v.unsafeArray()).getLong()).orElse(0L);
    state.put(BLOCKS_KEY, Bytes.wrap(ByteBuffer.allocate(8).putLong(blocks + 1).array()));
  }
}
