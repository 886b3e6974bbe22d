package org.alliancechain.core.tx;

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
 */
public record Transaction(
    String chainId, PublicKey sender, long nonce, int kind, Bytes payload, Signature signature) {

  public static final int VERSION = 1;
  public static final int CHAIN_ID_BYTES_MAX = 64;
  public static final int PAYLOAD_BYTES_MAX = 128 * 1024;
  private static final java.util.regex.Pattern CHAIN_ID_PATTERN =
      java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
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

  public Transaction {
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
  }

  /** Chain ids are short ASCII names, so that their encoding is as short as their text. */
  public static boolean isValidChainId(String chainId) {
    return CHAIN_ID_PATTERN.matcher(chainId).matches();
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

  /** The bytes the sender signed (without the domain prefix). */
  public byte[] signingBytes() {
    return signingBytes(chainId, sender, nonce, kind, payload);
  }

  public boolean hasValidSignature() {
    return Ed25519.verify(sender, Domain.TRANSACTION, signingBytes(), signature);
  }

  public void encode(CanonicalWriter w) {
    writeBody(w, chainId, sender, nonce, kind, payload);
    signature.encode(w);
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(160 + payload.size());
    encode(w);
    return w.toByteArray();
  }

  /** The length of {@link #encode()} without encoding: the fields are fixed-size but two. */
  public int encodedSizeBytes() {
    // Chain ids are ASCII (isValidChainId), so their UTF-8 length is their length in chars.
    return FIXED_BYTES + chainId.length() + payload.size();
  }

  /** The transaction's id: SHA-256 of its full canonical encoding, signature included. */
  public Hash hash() {
    return Sha256.hash(encode());
  }

  /**
   * Reads one transaction. Throws only {@link DecodeException}: a value the record would refuse (an
   * {@link IllegalArgumentException} from a constructor) is reported as INVALID_VALUE.
   */
  public static Transaction decode(CanonicalReader r) {
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
      return new Transaction(chainId, sender, nonce, kind, payload, signature);
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
