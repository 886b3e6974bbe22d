package org.alliancechain.p2p.secure;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;

/**
 * End-to-end encryption of a private payload to one member (SPEC M-11, M-29): ephemeral-static
 * ECIES over X25519, the recipient's key derived from its Ed25519 identity ({@link
 * MontgomeryKeys}), HKDF-SHA256, ChaCha20-Poly1305. Inside the box the sender signs the recipient,
 * the ephemeral key and the payload, so a relay (a private alliance node) can neither read nor
 * forge it, and the box cannot be re-addressed to someone else.
 *
 * <pre>box = e ‖ AEAD(HKDF(DH(e, X(recipient)), e ‖ recipient, "sealed-box"), 0, recipient;
 *                     sender ‖ Sign(sender, OFF_CHAIN, "sealed-box" ‖ recipient ‖ e ‖ payload) ‖ payload)
 * </pre>
 */
public final class SealedBox {
  public static final int OVERHEAD_BYTES = 32 + 32 + 64 + Primitives.TAG_BYTES;
  private static final byte[] LABEL = "sealed-box".getBytes(StandardCharsets.US_ASCII);

  /** An opened box: who sealed it and what it says. */
  public record Opened(PublicKey sender, Bytes payload) {}

  private SealedBox() {}

  public static byte[] seal(
      KeyPair sender, PublicKey recipient, byte[] payload, SecureRandom random)
      throws HandshakeException {
    byte[] ephemeralPrivate = Primitives.x25519PrivateKey(random);
    byte[] ephemeralPublic = Primitives.x25519PublicKey(ephemeralPrivate);
    byte[] shared = Primitives.x25519(ephemeralPrivate, MontgomeryKeys.publicKey(recipient));
    byte[] recipientBytes = recipient.toBytes();
    byte[] key = boxKey(shared, ephemeralPublic, recipientBytes);
    Signature sig = sender.sign(Domain.OFF_CHAIN, signed(recipientBytes, ephemeralPublic, payload));
    byte[] inner =
        Handshake.concat(Handshake.concat(sender.publicKey().toBytes(), sig.toBytes()), payload);
    // The key is fresh for every box, so the zero nonce is never reused under one key.
    return Handshake.concat(ephemeralPublic, Primitives.seal(key, 0, recipientBytes, inner));
  }

  public static Opened open(KeyPair recipient, byte[] box) throws HandshakeException {
    if (box.length < OVERHEAD_BYTES) {
      throw new HandshakeException(HandshakeException.Reason.MALFORMED, "box too short");
    }
    byte[] ephemeralPublic = Arrays.copyOfRange(box, 0, 32);
    byte[] recipientBytes = recipient.publicKey().toBytes();
    byte[] shared = Primitives.x25519(MontgomeryKeys.privateKey(recipient.seed()), ephemeralPublic);
    byte[] key = boxKey(shared, ephemeralPublic, recipientBytes);
    byte[] inner = Primitives.open(key, 0, recipientBytes, box, 32, box.length - 32);
    PublicKey sender = PublicKey.of(Arrays.copyOfRange(inner, 0, 32));
    Signature sig = Signature.of(Arrays.copyOfRange(inner, 32, 96));
    byte[] payload = Arrays.copyOfRange(inner, 96, inner.length);
    if (!Ed25519.verify(
        sender, Domain.OFF_CHAIN, signed(recipientBytes, ephemeralPublic, payload), sig)) {
      throw new HandshakeException(HandshakeException.Reason.BAD_SIGNATURE, "sender signature");
    }
    return new Opened(sender, Bytes.wrap(payload));
  }

  private static byte[] boxKey(byte[] shared, byte[] ephemeralPublic, byte[] recipient) {
    return Primitives.hkdf(
        shared, Handshake.concat(ephemeralPublic, recipient), "sealed-box", Primitives.KEY_BYTES);
  }

  private static byte[] signed(byte[] recipient, byte[] ephemeralPublic, byte[] payload) {
    return Handshake.concat(
        Handshake.concat(Handshake.concat(LABEL, recipient), ephemeralPublic), payload);
  }
}
