package org.alliancechain.core.tx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;

/**
 * A signed transaction (SPEC M-26). The signature covers the canonical encoding of every other
 * field in the {@link Domain#TRANSACTION} domain, so changing any byte (chain id and nonce
 * included) invalidates it. {@code kind} is the application's transaction kind; node-core treats
 * the payload as opaque bytes.
 *
 * <p>A final class with a record's accessors, equality and string form rather than a record, so
 * that it can keep its canonical encoding (made once, at construction or decoding), its hash (made
 * on first use) and the fact that its signature verified: a node asks for each of them many times
 * per transaction (admission, gossip, proposal, pre-prepare checks, block root, execution, the tx
 * index), and each used to re-encode, re-hash or re-verify. All three are pure functions of the
 * immutable fields, so a race between threads computes equal values.
 */
public final class Transaction {
  public static final int VERSION = 1;
  public static final int CHAIN_ID_BYTES_MAX = 64;
  public static final int PAYLOAD_BYTES_MAX = 128 * 1024;
  public static final int KIND_MAX = 0xffff;
  // version, chain id length, sender, nonce, kind, payload length, signature.
  private static final int FIXED_BYTES =
      1 + 4 + PublicKey.SIZE_BYTES + 8 + 2 + 4 + Signature.SIZE_BYTES;
  public static final int ENCODED_BYTES_MAX =
      1
          + 4
          + CHAIN_ID_BYTES_MAX
          + PublicKey.SIZE_BYTES
          + 8
          + 2
          + 4
          + PAYLOAD_BYTES_MAX
          + Signature.SIZE_BYTES;

  private final String chainId;
  private final PublicKey sender;
  private final long nonce;
  private final int kind;
  private final Bytes payload;
  private final Signature signature;
  // The canonical encoding, signature included; never handed out (encode() copies it).
  private final byte[] encoded;
  // Lazily: a Hash has only final fields, so publishing it through a data race is safe.
  private Hash hash;
  // Only success is remembered; a plain boolean cannot be seen half-written.
  private boolean signatureVerified;

  public Transaction(
      String chainId, PublicKey sender, long nonce, int kind, Bytes payload, Signature signature) {
    this(chainId, sender, nonce, kind, payload, signature, null);
  }

  private Transaction(
      String chainId,
      PublicKey sender,
      long nonce,
      int kind,
      Bytes payload,
      Signature signature,
      byte[] decodedEncoding) {
    if (!isValidChainId(chainId)) {
      throw new IllegalArgumentException("chain id must be 1 to 64 of [A-Za-z0-9._-]: " + chainId);
    }
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce must be non-negative");
    }
    if (kind < 0 || kind > KIND_MAX) {
      throw new IllegalArgumentException("kind out of range: " + kind);
    }
    if (payload.size() > PAYLOAD_BYTES_MAX) {
      throw new IllegalArgumentException("payload over " + PAYLOAD_BYTES_MAX + " bytes");
    }
    this.chainId = java.util.Objects.requireNonNull(chainId);
    this.sender = java.util.Objects.requireNonNull(sender);
    this.nonce = nonce;
    this.kind = kind;
    this.payload = payload;
    this.signature = java.util.Objects.requireNonNull(signature);
    this.encoded = decodedEncoding != null ? decodedEncoding : encodeFields();
  }

  private byte[] encodeFields() {
    CanonicalWriter w = new CanonicalWriter(FIXED_BYTES + chainId.length() + payload.size());
    writeBody(w, chainId, sender, nonce, kind, payload);
    signature.encode(w);
    return w.toByteArray();
  }

  public String chainId() {
    return chainId;
  }

  public PublicKey sender() {
    return sender;
  }

  public long nonce() {
    return nonce;
  }

  public int kind() {
    return kind;
  }

  public Bytes payload() {
    return payload;
  }

  public Signature signature() {
    return signature;
  }

  /** Chain ids are short ASCII names, so that their encoding is as short as their text. */
  public static boolean isValidChainId(String chainId) {
    // [A-Za-z0-9._-]{1,64}, by hand: a regex match per decoded transaction showed in profiles.
    int n = chainId.length();
    if (n < 1 || n > CHAIN_ID_BYTES_MAX) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = chainId.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public static Transaction sign(KeyPair key, String chainId, long nonce, int kind, Bytes payload) {
    byte[] body = signingBytes(chainId, key.publicKey(), nonce, kind, payload);
    return new Transaction(
        chainId, key.publicKey(), nonce, kind, payload, key.sign(Domain.TRANSACTION, body));
  }

  private static byte[] signingBytes(
      String chainId, PublicKey sender, long nonce, int kind, Bytes payload) {
    CanonicalWriter w = new CanonicalWriter(96 + payload.size());
    writeBody(w, chainId, sender, nonce, kind, payload);
    return w.toByteArray();
  }

  private static void writeBody(
      CanonicalWriter w, String chainId, PublicKey sender, long nonce, int kind, Bytes payload) {
    w.u8(VERSION).string(chainId);
    sender.encode(w);
    w.u63(nonce).u16(kind).bytes(payload.unsafeArray());
  }

  /** The bytes the sender signed (without the domain prefix): the encoding less the signature. */
  public byte[] signingBytes() {
    return Arrays.copyOf(encoded, encoded.length - Signature.SIZE_BYTES);
  }

  /**
   * Verifies the signatures of many transactions at once ({@link Ed25519#verifyAll}, one batch
   * equation when all are valid) and remembers each success, so that {@link #hasValidSignature}
   * answers from the flag. An invalid one stays unverified; its own check later says why.
   */
  public static void verifyAll(List<Transaction> txs) {
    List<Transaction> pending = new ArrayList<>(txs.size());
    for (Transaction tx : txs) {
      if (!tx.signatureVerified) {
        pending.add(tx);
      }
    }
    if (pending.isEmpty()) {
      return;
    }
    List<PublicKey> keys = new ArrayList<>(pending.size());
    List<byte[]> messages = new ArrayList<>(pending.size());
    List<Signature> signatures = new ArrayList<>(pending.size());
    for (Transaction tx : pending) {
      keys.add(tx.sender);
      messages.add(tx.signingBytes());
      signatures.add(tx.signature);
    }
    boolean[] verified = Ed25519.verifyAll(keys, Domain.TRANSACTION, messages, signatures);
    for (int i = 0; i < verified.length; i++) {
      if (verified[i]) {
        pending.get(i).signatureVerified = true;
      }
    }
  }

  public boolean hasValidSignature() {
    if (signatureVerified) {
      return true;
    }
    boolean valid = Ed25519.verify(sender, Domain.TRANSACTION, signingBytes(), signature);
    if (valid) {
      signatureVerified = true;
    }
    return valid;
  }

  public void encode(CanonicalWriter w) {
    w.raw(encoded);
  }

  public byte[] encode() {
    return encoded.clone();
  }

  /** The length of {@link #encode()}. */
  public int encodedSizeBytes() {
    return encoded.length;
  }

  /** The transaction's id: SHA-256 of its full canonical encoding, signature included. */
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Sha256.hash(encoded);
      hash = h;
    }
    return h;
  }

  /** Field by field, as a record: equal encodings, since the canonical encoding is injective. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Transaction t && Arrays.equals(encoded, t.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Transaction[chainId="
        + chainId
        + ", sender="
        + sender
        + ", nonce="
        + nonce
        + ", kind="
        + kind
        + ", payload="
        + payload
        + ", signature="
        + signature
        + "]";
  }

  /**
   * Reads one transaction. Throws only {@link DecodeException}: a value the record would refuse (an
   * {@link IllegalArgumentException} from a constructor) is reported as INVALID_VALUE.
   */
  public static Transaction decode(CanonicalReader r) {
    int start = r.positionBytes();
    int version = r.u8("transaction version");
    if (version != VERSION) {
      throw new DecodeException(
          DecodeException.Reason.UNKNOWN_KIND, "transaction version " + version);
    }
    String chainId = r.string("chain id", CHAIN_ID_BYTES_MAX);
    if (!isValidChainId(chainId)) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "malformed chain id");
    }
    try {
      PublicKey sender = PublicKey.decode(r, "sender");
      long nonce = r.u63("nonce");
      int kind = r.u16("kind");
      Bytes payload = Bytes.wrap(r.bytes("payload", PAYLOAD_BYTES_MAX));
      Signature signature = Signature.decode(r, "signature");
      // The bytes just read are the canonical encoding (the reader is strict), so keep a copy of
      // them rather than encoding again.
      byte[] encoded = r.bytesSince(start);
      return new Transaction(chainId, sender, nonce, kind, payload, signature, encoded);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, e.getMessage());
    }
  }

  public static Transaction decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    Transaction tx = decode(r);
    r.expectEnd("transaction");
    return tx;
  }
}
