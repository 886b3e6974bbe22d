package org.alliancechain.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ed25519 sign and single verification over a transaction-sized message (200 bytes), through the
 * protocol API. {@code verifyBouncyCastleOnly} is Bouncy Castle's verify alone on the same bytes,
 * to show what the profile's explicit checks cost on top. Results: docs/crypto.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBench {
  private static final int MESSAGE_BYTES = 200;

  private KeyPair keyPair;
  private PublicKey publicKey;
  private byte[] message;
  private Signature signature;
  private byte[] publicKeyBytes;
  private byte[] signatureBytes;

  @Setup
  public void setUp() {
    byte[] seed = "signature-bench-fixed-seed-32-by".getBytes(StandardCharsets.US_ASCII);
    keyPair = KeyPair.fromSeed(seed);
    publicKey = keyPair.publicKey();
    message = new byte[MESSAGE_BYTES];
    for (int i = 0; i < message.length; i++) {
      message[i] = (byte) (i * 31 + 7);
    }
    signature = keyPair.sign(Domain.TRANSACTION, message);
    // Bouncy Castle alone gets the message without the domain tag (29 bytes shorter), signed raw.
    publicKeyBytes = publicKey.toBytes();
    signatureBytes = keyPair.signRaw(message);
    if (!Ed25519.verify(publicKey, Domain.TRANSACTION, message, signature)) {
      throw new IllegalStateException("benchmark signature does not verify");
    }
  }

  @Benchmark
  public Signature sign() {
    return keyPair.sign(Domain.TRANSACTION, message);
  }

  /** The protocol's verification profile on a signature it has not seen (no memo). */
  @Benchmark
  public boolean verify() {
    return Ed25519.verifyRaw(publicKeyBytes, message, signatureBytes);
  }

  /**
   * A signature this process verified before: what the second, third and fourth check of one
   * transaction cost on a node (a SHA-256 and a table lookup).
   */
  @Benchmark
  public boolean verifyMemoHit() {
    return Ed25519.verify(publicKey, Domain.TRANSACTION, message, signature);
  }

  @Benchmark
  public boolean verifyBouncyCastleOnly() {
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signatureBytes, 0, publicKeyBytes, 0, message, 0, message.length);
  }
}
