package org.alliancechain.p2p.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.alliancechain.core.crypto.KeyPair;
import org.junit.jupiter.api.Test;

class HandshakeTest {
  private static final byte[] NET = "test-alliance".getBytes(StandardCharsets.US_ASCII);
  private final SecureRandom random = new SecureRandom();
  private final KeyPair alice = key(1);
  private final KeyPair bob = key(2);
  private final KeyPair mallory = key(3);

  static KeyPair key(int seed) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) seed;
    return KeyPair.fromSeed(bytes);
  }

  @Test
  void bothSidesLearnTheOthersIdentityAndShareWorkingKeys() throws Exception {
    Handshake i = Handshake.initiator(alice, NET, bob.publicKey(), random);
    Handshake r = Handshake.responder(bob, NET, random);
    byte[] m2 = r.onMessage1(i.message1());
    Handshake.InitiatorResult done = i.onMessage2(m2);
    Handshake.Established atBob = r.onMessage3(done.message3().toByteArray());

    assertThat(done.established().peer()).isEqualTo(bob.publicKey());
    assertThat(atBob.peer()).isEqualTo(alice.publicKey());
    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
    byte[] frame = done.established().cipher().encrypt(hello);
    assertThat(frame).hasSize(hello.length + SessionCipher.overheadBytes());
    assertThat(atBob.cipher().decrypt(frame, 0, frame.length)).isEqualTo(hello);
    byte[] back = atBob.cipher().encrypt(hello);
    assertThat(done.established().cipher().decrypt(back, 0, back.length)).isEqualTo(hello);
  }

  @Test
  void identitiesAreNotSentInTheClear() throws Exception {
    Handshake i = Handshake.initiator(alice, NET, bob.publicKey(), random);
    Handshake r = Handshake.responder(bob, NET, random);
    byte[] m2 = r.onMessage1(i.message1());
    byte[] m3 = i.onMessage2(m2).message3().toByteArray();
    assertThat(indexOf(m2, bob.publicKey().toBytes())).isEqualTo(-1);
    assertThat(indexOf(m3, alice.publicKey().toBytes())).isEqualTo(-1);
  }

  @Test
  void initiatorRefusesAResponderOtherThanTheOneItDialed() throws Exception {
    Handshake i = Handshake.initiator(alice, NET, bob.publicKey(), random);
    Handshake r = Handshake.responder(mallory, NET, random);
    byte[] m2 = r.onMessage1(i.message1());
    assertThatThrownBy(() -> i.onMessage2(m2))
        .isInstanceOfSatisfying(
            HandshakeException.class,
            e -> assertThat(e.reason()).isEqualTo(HandshakeException.Reason.UNEXPECTED_PEER));
  }

  @Test
  void aTamperedMessageFailsAuthentication() throws Exception {
    Handshake i = Handshake.initiator(alice, NET, bob.publicKey(), random);
    Handshake r = Handshake.responder(bob, NET, random);
    byte[] m2 = r.onMessage1(i.message1());
    byte[] m3 = i.onMessage2(m2).message3().toByteArray();
    m3[5] ^= 1;
    assertThatThrownBy(() -> r.onMessage3(m3))
        .isInstanceOfSatisfying(
            HandshakeException.class,
            e -> assertThat(e.reason()).isEqualTo(HandshakeException.Reason.DECRYPT_FAILED));
  }

  @Test
  void differentNetworkIdsCannotConnect() throws Exception {
    Handshake i = Handshake.initiator(alice, NET, bob.publicKey(), random);
    Handshake r = Handshake.responder(bob, "other".getBytes(StandardCharsets.US_ASCII), random);
    byte[] m2 = r.onMessage1(i.message1());
    assertThatThrownBy(() -> i.onMessage2(m2)).isInstanceOf(HandshakeException.class);
  }

  @Test
  void aLowOrderEphemeralKeyIsRefused() {
    Handshake r = Handshake.responder(bob, NET, random);
    byte[] m1 = new byte[Handshake.MESSAGE1_BYTES];
    m1[0] = Handshake.VERSION; // e_I = 0, a point of small order (RFC 7748 §6.1)
    assertThatThrownBy(() -> r.onMessage1(m1))
        .isInstanceOfSatisfying(
            HandshakeException.class,
            e -> assertThat(e.reason()).isEqualTo(HandshakeException.Reason.WEAK_KEY));
  }

  @Test
  void aReplayedOrReorderedFrameFailsAuthentication() throws Exception {
    Handshake i = Handshake.initiator(alice, NET, bob.publicKey(), random);
    Handshake r = Handshake.responder(bob, NET, random);
    Handshake.InitiatorResult done = i.onMessage2(r.onMessage1(i.message1()));
    SessionCipher atBob = r.onMessage3(done.message3().toByteArray()).cipher();
    byte[] first = done.established().cipher().encrypt(new byte[] {1});
    byte[] second = done.established().cipher().encrypt(new byte[] {2});
    assertThatThrownBy(() -> atBob.decrypt(second, 0, second.length))
        .isInstanceOf(HandshakeException.class);
    // the failed attempt does not advance the counter, so the frame in order still opens
    assertThat(atBob.decrypt(first, 0, first.length)).containsExactly(1);
    assertThatThrownBy(() -> atBob.decrypt(first, 0, first.length))
        .isInstanceOf(HandshakeException.class);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
