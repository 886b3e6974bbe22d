package org.alliancechain.consensus.msg;

import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;

/**
 * Proof that a validator signed two conflicting messages of one phase for one (view, sequence
 * number): two pre-prepares, prepares or commits with different digests. It travels on chain as a
 * transaction of kind {@link #TX_KIND}, so that the application (the DAO or the committee) can act
 * on it; the transaction's signer is the reporter, the offender is named inside.
 */
public record Evidence(ConsensusMessage first, ConsensusMessage second) {
  /** The consensus-defined transaction kind for evidence payloads. */
  public static final int TX_KIND = 0xFE01;

  public static final int VERSION = 1;

  public PublicKey offender() {
    return first.sender();
  }

  /** The (view, seq, phase, digest) a conflicting message is about, or empty for other kinds. */
  record Slot(long view, long seq, int phase, Hash digest) {}

  static Optional<Slot> slotOf(ConsensusMessage message) {
    return switch (message) {
      case PrePrepare m ->
          Optional.of(new Slot(m.view(), m.seq(), WireCode.PRE_PREPARE, m.digest()));
      case Prepare m -> Optional.of(new Slot(m.view(), m.seq(), WireCode.PREPARE, m.digest()));
      case Commit m -> Optional.of(new Slot(m.view(), m.seq(), WireCode.COMMIT, m.digest()));
      case Checkpoint m -> Optional.empty();
      case ViewChange m -> Optional.empty();
      case NewView m -> Optional.empty();
      case SyncRequest m -> Optional.empty();
      case SyncResponse m -> Optional.empty();
    };
  }

  /** True when the two messages are one validator's conflicting votes for one slot and phase. */
  public static boolean conflicts(ConsensusMessage a, ConsensusMessage b) {
    Optional<Slot> sa = slotOf(a);
    Optional<Slot> sb = slotOf(b);
    if (sa.isEmpty() || sb.isEmpty() || !a.sender().equals(b.sender())) {
      return false;
    }
    Slot x = sa.get();
    Slot y = sb.get();
    return x.view() == y.view()
        && x.seq() == y.seq()
        && x.phase() == y.phase()
        && !x.digest().equals(y.digest());
  }

  public Verdict verify(String chainId, ValidatorSet validators, SignatureVerifier verifier) {
    if (!conflicts(first, second)) {
      return Verdict.reject(Reason.BAD_PROOF, "messages do not conflict");
    }
    if (!validators.contains(first.sender())) {
      return Verdict.reject(Reason.NOT_VALIDATOR, "offender is not a validator");
    }
    if (!Signing.hasValidSignature(chainId, first, verifier)
        || !Signing.hasValidSignature(chainId, second, verifier)) {
      return Verdict.reject(Reason.BAD_SIGNATURE, "an evidence message does not verify");
    }
    return Verdict.ok();
  }

  /** Canonical order (by encoding) so that every reporter builds the same payload. */
  public byte[] encode() {
    byte[] a = MessageCodec.encode(first);
    byte[] b = MessageCodec.encode(second);
    if (Bytes.wrap(a).compareTo(Bytes.wrap(b)) > 0) {
      byte[] t = a;
      a = b;
      b = t;
    }
    return new CanonicalWriter(a.length + b.length + 16)
        .u8(VERSION)
        .bytes(a)
        .bytes(b)
        .toByteArray();
  }

  public static Evidence decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    int version = r.u8("evidence version");
    if (version != VERSION) {
      throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "evidence version " + version);
    }
    ConsensusMessage a = MessageCodec.decode(r.bytes("first", Transaction.PAYLOAD_BYTES_MAX));
    ConsensusMessage b = MessageCodec.decode(r.bytes("second", Transaction.PAYLOAD_BYTES_MAX));
    r.expectEnd("evidence");
    return new Evidence(a, b);
  }

  /** The reporter's transaction; its nonce is derived from the payload so it is deterministic. */
  public Transaction toTransaction(KeyPair reporter, String chainId) {
    byte[] payload = encode();
    Hash id = Sha256.hash(payload);
    long nonce = 0;
    for (int i = 0; i < 8; i++) {
      nonce = (nonce << 8) | (id.byteAt(i) & 0xff);
    }
    return Transaction.sign(
        reporter, chainId, nonce & Long.MAX_VALUE, TX_KIND, Bytes.wrap(payload));
  }

  public static Verdict verifyTransaction(
      Transaction tx, String chainId, ValidatorSet validators, SignatureVerifier verifier) {
    try {
      return decode(tx.payload().unsafeArray()).verify(chainId, validators, verifier);
    } catch (DecodeException e) {
      return Verdict.reject(Reason.BAD_PROOF, "evidence does not decode: " + e.reason());
    }
  }
}
