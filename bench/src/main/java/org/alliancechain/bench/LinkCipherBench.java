package org.alliancechain.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.p2p.secure.Handshake;
import org.alliancechain.p2p.secure.HandshakeException;
import org.alliancechain.p2p.secure.SessionCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One peer-link frame sealed by one side and opened by the other, through the real handshake's
 * {@link SessionCipher}s: 256 bytes (a vote) and 64 KiB (a gossip batch or a proposal of a few
 * hundred transfers). Results: docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LinkCipherBench {
  @Param({"256", "65536"})
  public int frameBytes;

  private SessionCipher initiator;
  private SessionCipher responder;
  private byte[] frame;
  private final byte[] key = new byte[32];
  private long counter;

  @Setup
  public void setUp() throws HandshakeException {
    SecureRandom random = new SecureRandom();
    byte[] network = "link-cipher-bench".getBytes(StandardCharsets.US_ASCII);
    KeyPair a = KeyPair.fromSeed(new byte[32]);
    byte[] seedB = new byte[32];
    seedB[0] = 1;
    KeyPair b = KeyPair.fromSeed(seedB);
    Handshake i = Handshake.initiator(a, network, b.publicKey(), random);
    Handshake r = Handshake.responder(b, network, random);
    byte[] m2 = r.onMessage1(i.message1());
    Handshake.InitiatorResult done = i.onMessage2(m2);
    responder = r.onMessage3(done.message3().toByteArray()).cipher();
    initiator = done.established().cipher();
    frame = new byte[frameBytes];
    for (int k = 0; k < frame.length; k++) {
      frame[k] = (byte) (k * 31 + 7);
    }
  }

  /** The same seal and open with Bouncy Castle's pure-Java ChaCha20-Poly1305, for comparison. */
  @Benchmark
  public byte[] sealAndOpenBouncyCastle() throws InvalidCipherTextException {
    byte[] nonce = new byte[12];
    nonce[11] = (byte) counter++;
    ChaCha20Poly1305 seal = new ChaCha20Poly1305();
    seal.init(true, new AEADParameters(new KeyParameter(key), 128, nonce));
    byte[] sealed = new byte[seal.getOutputSize(frame.length)];
    seal.doFinal(sealed, seal.processBytes(frame, 0, frame.length, sealed, 0));
    ChaCha20Poly1305 open = new ChaCha20Poly1305();
    open.init(false, new AEADParameters(new KeyParameter(key), 128, nonce));
    byte[] plain = new byte[open.getOutputSize(sealed.length)];
    open.doFinal(plain, open.processBytes(sealed, 0, sealed.length, plain, 0));
    return plain;
  }

  /** Seal on one side, open on the other: what one frame costs the two ends of a link. */
  @Benchmark
  public byte[] sealAndOpen() throws HandshakeException {
    byte[] sealed = initiator.encrypt(frame);
    return responder.decrypt(sealed, 0, sealed.length);
  }
}
