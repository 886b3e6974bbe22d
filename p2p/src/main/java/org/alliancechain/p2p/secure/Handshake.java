package org.alliancechain.p2p.secure;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Sha256;

/**
 * The peer-link handshake: three messages in the pattern of Noise XX, authenticated by signatures
 * in the manner of SIGMA-I (see docs/networking.md). Both sides send a fresh X25519 key; each
 * proves its Ed25519 identity by signing the transcript hash, which covers both ephemeral keys, so
 * a signature cannot be replayed into another session; identities travel encrypted under a key from
 * the ephemeral exchange, so a passive observer learns neither. No certificates, no expiry dates.
 *
 * <pre>
 *   h0 = SHA-256(PROTOCOL ‖ networkId)
 *   1. I → R: version ‖ e_I                                  h1 = SHA-256(h0 ‖ msg1)
 *   2. R → I: e_R ‖ AEAD(kR, 0, h1 ‖ e_R; s_R ‖ sig_R)       sig_R = Sign(s_R, "R" ‖ SHA-256(h1 ‖ e_R ‖ s_R))
 *                                                            h2 = SHA-256(h1 ‖ msg2)
 *   3. I → R: AEAD(kI, 0, h2; s_I ‖ sig_I)                   sig_I = Sign(s_I, "I" ‖ SHA-256(h2 ‖ s_I))
 *                                                            h3 = SHA-256(h2 ‖ msg3)
 *   kR ‖ kI = HKDF(DH(e_I, e_R), h1, "handshake"); session = HKDF(DH(e_I, e_R), h3, "session")
 * </pre>
 *
 * A handshake object is used once, by one thread. Which keys are members is the caller's question:
 * the handshake only proves who the peer is.
 */
public final class Handshake {
  public static final int VERSION = 1;
  public static final int MESSAGE1_BYTES = 1 + 32;
  public static final int MESSAGE2_BYTES = 32 + 32 + 64 + Primitives.TAG_BYTES;
  public static final int MESSAGE3_BYTES = 32 + 64 + Primitives.TAG_BYTES;
  public static final int MESSAGE_BYTES_MAX = MESSAGE2_BYTES;

  private static final byte[] PROTOCOL =
      "alliancechain/v1/p2p/x25519-ed25519-chachapoly-sha256".getBytes(StandardCharsets.US_ASCII);

  private enum Step {
    INITIATOR_START,
    INITIATOR_AWAIT_2,
    RESPONDER_AWAIT_1,
    RESPONDER_AWAIT_3,
    DONE
  }

  /** The authenticated peer and the keys of the link. */
  public record Established(PublicKey peer, SessionCipher cipher) {}

  /** What the initiator sends last, and what it now knows. */
  public record InitiatorResult(Bytes message3, Established established) {}

  private final KeyPair identity;
  private final Optional<PublicKey> expectedPeer;
  private final byte[] ephemeralPrivate;
  private final byte[] ephemeralPublic;
  private Step step;
  private byte[] hash;
  // Transcript hash after message 1: the salt of the handshake keys, kept for message 3.
  private byte[] h1 = new byte[0];
  private byte[] sharedSecret = new byte[0];
  private byte[] peerEphemeral = new byte[0];

  private Handshake(
      KeyPair identity,
      byte[] networkId,
      Optional<PublicKey> expectedPeer,
      SecureRandom random,
      Step first) {
    this.identity = identity;
    this.expectedPeer = expectedPeer;
    this.ephemeralPrivate = Primitives.x25519PrivateKey(random);
    this.ephemeralPublic = Primitives.x25519PublicKey(ephemeralPrivate);
    this.hash = Sha256.hash(PROTOCOL, u32(networkId.length), networkId).toBytes();
    this.step = first;
  }

  /** The dialing side, which knows whom it dials and refuses anyone else. */
  public static Handshake initiator(
      KeyPair identity, byte[] networkId, PublicKey expectedPeer, SecureRandom random) {
    return new Handshake(
        identity, networkId, Optional.of(expectedPeer), random, Step.INITIATOR_START);
  }

  public static Handshake responder(KeyPair identity, byte[] networkId, SecureRandom random) {
    return new Handshake(identity, networkId, Optional.empty(), random, Step.RESPONDER_AWAIT_1);
  }

  public byte[] message1() throws HandshakeException {
    expectStep(Step.INITIATOR_START);
    byte[] msg = new byte[MESSAGE1_BYTES];
    msg[0] = (byte) VERSION;
    System.arraycopy(ephemeralPublic, 0, msg, 1, 32);
    mix(msg);
    step = Step.INITIATOR_AWAIT_2;
    return msg;
  }

  public byte[] onMessage1(byte[] msg) throws HandshakeException {
    expectStep(Step.RESPONDER_AWAIT_1);
    expectLength(msg, MESSAGE1_BYTES);
    if (msg[0] != (byte) VERSION) {
      throw new HandshakeException(HandshakeException.Reason.BAD_VERSION, "version " + msg[0]);
    }
    peerEphemeral = Arrays.copyOfRange(msg, 1, 33);
    sharedSecret = Primitives.x25519(ephemeralPrivate, peerEphemeral);
    mix(msg);
    h1 = hash;
    byte[] responderKey = handshakeKeys(h1)[0];
    byte[] signed = Sha256.hash(h1, ephemeralPublic, identity.publicKey().toBytes()).toBytes();
    byte[] proof = identityProof("R", signed);
    byte[] sealed = Primitives.seal(responderKey, 0, concat(h1, ephemeralPublic), proof);
    byte[] out = concat(ephemeralPublic, sealed);
    mix(out);
    step = Step.RESPONDER_AWAIT_3;
    return out;
  }

  public InitiatorResult onMessage2(byte[] msg) throws HandshakeException {
    expectStep(Step.INITIATOR_AWAIT_2);
    expectLength(msg, MESSAGE2_BYTES);
    peerEphemeral = Arrays.copyOfRange(msg, 0, 32);
    sharedSecret = Primitives.x25519(ephemeralPrivate, peerEphemeral);
    h1 = hash;
    byte[][] keys = handshakeKeys(h1);
    byte[] proof = Primitives.open(keys[0], 0, concat(h1, peerEphemeral), msg, 32, msg.length - 32);
    PublicKey peer = PublicKey.of(Arrays.copyOfRange(proof, 0, 32));
    byte[] signed = Sha256.hash(h1, peerEphemeral, peer.toBytes()).toBytes();
    checkProof(peer, "R", signed, Arrays.copyOfRange(proof, 32, 96));
    if (!expectedPeer.orElseThrow().equals(peer)) {
      throw new HandshakeException(
          HandshakeException.Reason.UNEXPECTED_PEER,
          "dialed " + expectedPeer.get() + ", got " + peer);
    }
    mix(msg);
    byte[] h2 = hash;
    byte[] ownSigned = Sha256.hash(h2, identity.publicKey().toBytes()).toBytes();
    byte[] message3 = Primitives.seal(keys[1], 0, h2, identityProof("I", ownSigned));
    mix(message3);
    step = Step.DONE;
    return new InitiatorResult(Bytes.wrap(message3), new Established(peer, session(true)));
  }

  public Established onMessage3(byte[] msg) throws HandshakeException {
    expectStep(Step.RESPONDER_AWAIT_3);
    expectLength(msg, MESSAGE3_BYTES);
    byte[] h2 = hash;
    byte[] initiatorKey = handshakeKeys(h1)[1];
    byte[] proof = Primitives.open(initiatorKey, 0, h2, msg, 0, msg.length);
    PublicKey peer = PublicKey.of(Arrays.copyOfRange(proof, 0, 32));
    byte[] signed = Sha256.hash(h2, peer.toBytes()).toBytes();
    checkProof(peer, "I", signed, Arrays.copyOfRange(proof, 32, 96));
    mix(msg);
    step = Step.DONE;
    return new Established(peer, session(false));
  }

  private byte[][] handshakeKeys(byte[] salt) {
    byte[] okm = Primitives.hkdf(sharedSecret, salt, "handshake", 2 * Primitives.KEY_BYTES);
    return new byte[][] {Arrays.copyOfRange(okm, 0, 32), Arrays.copyOfRange(okm, 32, 64)};
  }

  private SessionCipher session(boolean initiator) {
    byte[] okm = Primitives.hkdf(sharedSecret, hash, "session", 2 * Primitives.KEY_BYTES);
    byte[] initiatorToResponder = Arrays.copyOfRange(okm, 0, 32);
    byte[] responderToInitiator = Arrays.copyOfRange(okm, 32, 64);
    Arrays.fill(sharedSecret, (byte) 0);
    Arrays.fill(ephemeralPrivate, (byte) 0);
    return initiator
        ? new SessionCipher(initiatorToResponder, responderToInitiator)
        : new SessionCipher(responderToInitiator, initiatorToResponder);
  }

  private byte[] identityProof(String role, byte[] signedHash) {
    Signature sig = identity.sign(Domain.PEER_HANDSHAKE, roleTagged(role, signedHash));
    return concat(identity.publicKey().toBytes(), sig.toBytes());
  }

  private static void checkProof(PublicKey peer, String role, byte[] signedHash, byte[] sig)
      throws HandshakeException {
    if (!Ed25519.verify(
        peer, Domain.PEER_HANDSHAKE, roleTagged(role, signedHash), Signature.of(sig))) {
      throw new HandshakeException(
          HandshakeException.Reason.BAD_SIGNATURE, "transcript signature of " + peer);
    }
  }

  // The role letter stops a signature made as responder from being reflected as initiator.
  private static byte[] roleTagged(String role, byte[] signedHash) {
    return concat(role.getBytes(StandardCharsets.US_ASCII), signedHash);
  }

  private void mix(byte[] message) {
    hash = Sha256.hash(hash, message).toBytes();
  }

  private void expectStep(Step expected) throws HandshakeException {
    if (step != expected) {
      throw new HandshakeException(
          HandshakeException.Reason.OUT_OF_ORDER, "expected " + expected + ", at " + step);
    }
  }

  private static void expectLength(byte[] msg, int length) throws HandshakeException {
    if (msg.length != length) {
      throw new HandshakeException(
          HandshakeException.Reason.MALFORMED, msg.length + " bytes, expected " + length);
    }
  }

  private static byte[] u32(int value) {
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
