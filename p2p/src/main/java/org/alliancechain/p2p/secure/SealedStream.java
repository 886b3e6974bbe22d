package org.alliancechain.p2p.secure;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;

/**
 * A stream of any length encrypted to one member (SPEC M-18, competitive resources), in segments,
 * so that neither side holds more than one segment in memory. The key agreement is {@link
 * SealedBox}'s (ephemeral-static X25519 to the recipient's converted Ed25519 key, HKDF-SHA256); the
 * segments follow the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár, CRYPTO 2015):
 * ChaCha20-Poly1305 with the segment number as nonce and a last-segment flag in the associated
 * data, so segments cannot be reordered, dropped, or the stream cut short without detection.
 *
 * <pre>
 * stream  = version(1) ‖ e(32) ‖ segment*
 * segment = flag(1) ‖ AEAD(k, n, recipient ‖ flag, plaintext)
 *   flag 0: plaintext of exactly SEGMENT_BYTES; flag 1: the last segment, 0..SEGMENT_BYTES
 * k = HKDF(DH(e, X(recipient)), e ‖ recipient, "sealed-stream")
 * </pre>
 *
 * No sender signature inside: who produced the bytes is established by the on-chain hash of the
 * ciphertext, which the provider signs.
 */
public final class SealedStream {
  public static final int VERSION = 1;
  public static final int SEGMENT_BYTES = 64 * 1024;
  private static final int HEADER_BYTES = 1 + 32;
  private static final int SEALED_SEGMENT_BYTES = SEGMENT_BYTES + Primitives.TAG_BYTES;
  private static final String LABEL = "sealed-stream";

  private SealedStream() {}

  /** The ciphertext size of a plaintext of {@code plainBytes}. */
  public static long sealedSize(long plainBytes) {
    long segments = Math.max(1, (plainBytes + SEGMENT_BYTES - 1) / SEGMENT_BYTES);
    return HEADER_BYTES + segments * (1 + Primitives.TAG_BYTES) + plainBytes;
  }

  /** Encrypts everything written to it into {@code out}; closing it writes the last segment. */
  public static OutputStream seal(OutputStream out, PublicKey recipient, SecureRandom random)
      throws IOException {
    byte[] ephemeralPrivate = Primitives.x25519PrivateKey(random);
    byte[] ephemeralPublic = Primitives.x25519PublicKey(ephemeralPrivate);
    byte[] key;
    try {
      key =
          streamKey(
              Primitives.x25519(ephemeralPrivate, MontgomeryKeys.publicKey(recipient)),
              ephemeralPublic,
              recipient.toBytes());
    } catch (HandshakeException e) {
      throw new IOException("cannot encrypt to " + recipient.toHex() + ": " + e.getMessage(), e);
    }
    out.write(VERSION);
    out.write(ephemeralPublic);
    return new Sealer(out, key, recipient.toBytes());
  }

  /**
   * Decrypts a sealed stream addressed to {@code recipient}; a tampered stream is an IOException.
   */
  public static InputStream open(InputStream in, KeyPair recipient) throws IOException {
    byte[] header = in.readNBytes(HEADER_BYTES);
    if (header.length < HEADER_BYTES || header[0] != VERSION) {
      throw new IOException("not a sealed stream (version " + VERSION + ")");
    }
    byte[] ephemeralPublic = java.util.Arrays.copyOfRange(header, 1, HEADER_BYTES);
    byte[] recipientBytes = recipient.publicKey().toBytes();
    byte[] key;
    try {
      key =
          streamKey(
              Primitives.x25519(MontgomeryKeys.privateKey(recipient.seed()), ephemeralPublic),
              ephemeralPublic,
              recipientBytes);
    } catch (HandshakeException e) {
      throw new IOException("sealed stream refused: " + e.getMessage(), e);
    }
    return new Opener(in, key, recipientBytes);
  }

  private static byte[] streamKey(byte[] shared, byte[] ephemeralPublic, byte[] recipient) {
    return Primitives.hkdf(
        shared, Handshake.concat(ephemeralPublic, recipient), LABEL, Primitives.KEY_BYTES);
  }

  private static byte[] ad(byte[] recipient, int flag) {
    byte[] ad = java.util.Arrays.copyOf(recipient, recipient.length + 1);
    ad[recipient.length] = (byte) flag;
    return ad;
  }

  private static final class Sealer extends FilterOutputStream {
    private final byte[] key;
    private final byte[] recipient;
    private final byte[] segment = new byte[SEGMENT_BYTES];
    private int filled;
    private long counter;
    private boolean closed;

    Sealer(OutputStream out, byte[] key, byte[] recipient) {
      super(out);
      this.key = key;
      this.recipient = recipient;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (closed) {
        throw new IOException("sealed stream closed");
      }
      while (length > 0) {
        // A full segment is only sealed once more bytes arrive: the last one must carry flag 1.
        if (filled == SEGMENT_BYTES) {
          emit(0, SEGMENT_BYTES);
        }
        int n = Math.min(length, SEGMENT_BYTES - filled);
        System.arraycopy(bytes, offset, segment, filled, n);
        filled += n;
        offset += n;
        length -= n;
      }
    }

    private void emit(int flag, int length) throws IOException {
      out.write(flag);
      out.write(
          Primitives.seal(
              key, counter++, ad(recipient, flag), java.util.Arrays.copyOf(segment, length)));
      filled = 0;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        emit(1, filled);
      } finally {
        out.close();
      }
    }
  }

  private static final class Opener extends InputStream {
    private final InputStream in;
    private final byte[] key;
    private final byte[] recipient;
    private byte[] plain = new byte[0];
    private int position;
    private long counter;
    private boolean last;

    Opener(InputStream in, byte[] key, byte[] recipient) {
      this.in = in;
      this.key = key;
      this.recipient = recipient;
    }

    private boolean fill() throws IOException {
      while (position == plain.length) {
        if (last) {
          return false;
        }
        int flag = in.read();
        if (flag < 0) {
          throw new EOFException("sealed stream cut short before its last segment");
        }
        if (flag > 1) {
          throw new IOException("sealed stream: bad segment flag " + flag);
        }
        byte[] sealed = in.readNBytes(SEALED_SEGMENT_BYTES);
        if (flag == 0 && sealed.length < SEALED_SEGMENT_BYTES) {
          throw new EOFException("sealed stream cut short inside a segment");
        }
        if (flag == 1 && in.read() >= 0) {
          throw new IOException("sealed stream: bytes after the last segment");
        }
        try {
          plain = Primitives.open(key, counter++, ad(recipient, flag), sealed, 0, sealed.length);
        } catch (HandshakeException e) {
          throw new IOException(
              "sealed stream: segment " + (counter - 1) + " " + e.getMessage(), e);
        }
        position = 0;
        last = flag == 1;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? plain[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] out, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, plain.length - position);
      System.arraycopy(plain, position, out, offset, n);
      position += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
