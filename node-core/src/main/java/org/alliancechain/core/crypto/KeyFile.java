package org.alliancechain.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A private key at rest: the 32-byte seed encrypted with AES-256-GCM under a key derived from a
 * passphrase with scrypt, in a small versioned binary file of exactly {@link #FILE_BYTES} bytes
 * (layout in docs/crypto.md). An unkeyed SHA-256 over the file tells a damaged file ({@link
 * KeyFileException.Reason#CORRUPT}) from a wrong passphrase ({@link WrongPassphraseException}).
 */
public final class KeyFile {
  public static final int VERSION = 1;
  public static final int KDF_SCRYPT = 1;
  public static final int CIPHER_AES_256_GCM = 1;

  // Limits on what a file may ask of the KDF (a crafted file must not take minutes or gigabytes).
  public static final int SCRYPT_LOG2_N_MIN = 10;
  public static final int SCRYPT_LOG2_N_MAX = 20;
  public static final int SCRYPT_R_MAX = 32;
  public static final int SCRYPT_P_MAX = 16;
  public static final long SCRYPT_MEMORY_BYTES_MAX = 1L << 30;

  private static final byte[] MAGIC = {'A', 'C', 'K', 'F'};
  private static final int SALT_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BYTES = 16;
  private static final int KEY_BYTES = 32;

  // Layout, version 1. Invariant: each field starts where the previous one ends.
  private static final int OFFSET_VERSION = 4;
  private static final int OFFSET_KDF = 5;
  private static final int OFFSET_LOG2_N = 6;
  private static final int OFFSET_R = 7;
  private static final int OFFSET_P = 8;
  private static final int OFFSET_SALT = 9;
  private static final int OFFSET_CIPHER = OFFSET_SALT + SALT_BYTES;
  private static final int OFFSET_NONCE = OFFSET_CIPHER + 1;
  private static final int OFFSET_PUBLIC_KEY = OFFSET_NONCE + NONCE_BYTES;
  private static final int OFFSET_CIPHERTEXT = OFFSET_PUBLIC_KEY + PublicKey.SIZE_BYTES;
  private static final int OFFSET_CHECKSUM = OFFSET_CIPHERTEXT + KeyPair.SEED_BYTES + TAG_BYTES;
  public static final int FILE_BYTES = OFFSET_CHECKSUM + Hash.SIZE_BYTES;

  /** scrypt cost: N = 2^log2N, block size r, parallelism p; memory is 128 * r * N bytes. */
  public record ScryptParameters(int log2N, int r, int p) {
    /** Measured at about 0.3-0.7 s on the project machines (docs/crypto.md): 64 MiB. */
    public static final ScryptParameters DEFAULT = new ScryptParameters(16, 8, 1);

    public ScryptParameters {
      if (!withinLimits(log2N, r, p)) {
        throw new IllegalArgumentException(
            "scrypt parameters outside the limits: log2N=" + log2N + " r=" + r + " p=" + p);
      }
    }

    static boolean withinLimits(int log2N, int r, int p) {
      return log2N >= SCRYPT_LOG2_N_MIN
          && log2N <= SCRYPT_LOG2_N_MAX
          && r >= 1
          && r <= SCRYPT_R_MAX
          && p >= 1
          && p <= SCRYPT_P_MAX
          && 128L * r * (1L << log2N) <= SCRYPT_MEMORY_BYTES_MAX;
    }
  }

  private KeyFile() {}

  /** Encrypts the key pair's seed into the bytes of a key file. */
  public static byte[] encode(
      KeyPair keyPair, char[] passphrase, ScryptParameters params, SecureRandom random) {
    if (passphrase.length == 0) {
      throw new IllegalArgumentException("a key file needs a non-empty passphrase");
    }
    byte[] file = new byte[FILE_BYTES];
    System.arraycopy(MAGIC, 0, file, 0, MAGIC.length);
    file[OFFSET_VERSION] = VERSION;
    file[OFFSET_KDF] = KDF_SCRYPT;
    file[OFFSET_LOG2_N] = (byte) params.log2N();
    file[OFFSET_R] = (byte) params.r();
    file[OFFSET_P] = (byte) params.p();
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    System.arraycopy(salt, 0, file, OFFSET_SALT, SALT_BYTES);
    file[OFFSET_CIPHER] = CIPHER_AES_256_GCM;
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    System.arraycopy(nonce, 0, file, OFFSET_NONCE, NONCE_BYTES);
    System.arraycopy(
        keyPair.publicKey().unsafeBytes(), 0, file, OFFSET_PUBLIC_KEY, PublicKey.SIZE_BYTES);
    byte[] seed = keyPair.seed();
    byte[] key = deriveKey(passphrase, salt, params);
    try {
      GCMModeCipher gcm = gcm(true, key, nonce, file);
      int written = gcm.processBytes(seed, 0, seed.length, file, OFFSET_CIPHERTEXT);
      written += gcm.doFinal(file, OFFSET_CIPHERTEXT + written);
      org.alliancechain.core.Invariants.check(
          written == KeyPair.SEED_BYTES + TAG_BYTES, "GCM output is seed + tag");
    } catch (InvalidCipherTextException e) {
      throw new AssertionError("GCM encryption does not check a tag", e);
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
    Sha256.hash(Arrays.copyOf(file, OFFSET_CHECKSUM)).copyTo(file, OFFSET_CHECKSUM);
    return file;
  }

  /**
   * Decrypts a key file's bytes.
   *
   * @throws WrongPassphraseException when the file is intact but the passphrase is wrong
   * @throws KeyFileException with the reason when the file is not an intact key file
   */
  public static KeyPair decode(byte[] file, char[] passphrase) throws KeyFileException {
    ScryptParameters params = checkStructure(file);
    byte[] key =
        deriveKey(passphrase, Arrays.copyOfRange(file, OFFSET_SALT, OFFSET_CIPHER), params);
    byte[] seed = new byte[KeyPair.SEED_BYTES];
    try {
      byte[] nonce = Arrays.copyOfRange(file, OFFSET_NONCE, OFFSET_PUBLIC_KEY);
      GCMModeCipher gcm = gcm(false, key, nonce, file);
      int length = OFFSET_CHECKSUM - OFFSET_CIPHERTEXT;
      int written = gcm.processBytes(file, OFFSET_CIPHERTEXT, length, seed, 0);
      gcm.doFinal(seed, written);
      KeyPair keyPair = KeyPair.fromSeed(seed);
      if (!keyPair.publicKey().equals(publicKeyOf(file))) {
        throw new KeyFileException(
            KeyFileException.Reason.CORRUPT, "the public key does not match the decrypted seed");
      }
      return keyPair;
    } catch (InvalidCipherTextException e) {
      throw new WrongPassphraseException();
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The public key a key file holds, readable without the passphrase. */
  public static PublicKey decodePublicKey(byte[] file) throws KeyFileException {
    checkStructure(file);
    return publicKeyOf(file);
  }

  private static PublicKey publicKeyOf(byte[] file) {
    return PublicKey.of(Arrays.copyOfRange(file, OFFSET_PUBLIC_KEY, OFFSET_CIPHERTEXT));
  }

  /** Checks everything that does not need the passphrase; returns the file's scrypt cost. */
  private static ScryptParameters checkStructure(byte[] file) throws KeyFileException {
    if (file.length == 0) {
      throw new KeyFileException(KeyFileException.Reason.TRUNCATED, "the file is empty");
    }
    if (!Arrays.equals(
        file,
        0,
        Math.min(file.length, MAGIC.length),
        MAGIC,
        0,
        Math.min(file.length, MAGIC.length))) {
      throw new KeyFileException(
          KeyFileException.Reason.NOT_A_KEY_FILE, "the file does not start with \"ACKF\"");
    }
    if (file.length <= OFFSET_VERSION) {
      throw new KeyFileException(
          KeyFileException.Reason.TRUNCATED, "the file ends after " + file.length + " bytes");
    }
    int version = file[OFFSET_VERSION] & 0xff;
    if (version != VERSION) {
      throw new KeyFileException(
          KeyFileException.Reason.UNSUPPORTED_VERSION,
          "key file version " + version + "; this build reads version " + VERSION);
    }
    if (file.length < FILE_BYTES) {
      throw new KeyFileException(
          KeyFileException.Reason.TRUNCATED,
          "the file has " + file.length + " bytes of the " + FILE_BYTES + " of version 1");
    }
    if (file.length > FILE_BYTES) {
      throw new KeyFileException(
          KeyFileException.Reason.CORRUPT,
          "the file is longer than the " + FILE_BYTES + " bytes of version 1");
    }
    byte[] expected = Sha256.hash(Arrays.copyOf(file, OFFSET_CHECKSUM)).toBytes();
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(file, OFFSET_CHECKSUM, FILE_BYTES))) {
      throw new KeyFileException(
          KeyFileException.Reason.CORRUPT, "the file's checksum does not match: it was damaged");
    }
    return parameters(file);
  }

  private static ScryptParameters parameters(byte[] file) throws KeyFileException {
    int kdf = file[OFFSET_KDF] & 0xff;
    int cipher = file[OFFSET_CIPHER] & 0xff;
    int log2N = file[OFFSET_LOG2_N] & 0xff;
    int r = file[OFFSET_R] & 0xff;
    int p = file[OFFSET_P] & 0xff;
    if (kdf != KDF_SCRYPT || cipher != CIPHER_AES_256_GCM) {
      throw new KeyFileException(
          KeyFileException.Reason.UNSUPPORTED_PARAMETERS,
          "unknown KDF " + kdf + " or cipher " + cipher + " (this build: scrypt 1, AES-GCM 1)");
    }
    if (!ScryptParameters.withinLimits(log2N, r, p)) {
      throw new KeyFileException(
          KeyFileException.Reason.UNSUPPORTED_PARAMETERS,
          "scrypt cost outside the limits: log2N=" + log2N + " r=" + r + " p=" + p);
    }
    return new ScryptParameters(log2N, r, p);
  }

  private static byte[] deriveKey(char[] passphrase, byte[] salt, ScryptParameters params) {
    byte[] bytes = utf8(passphrase);
    try {
      return SCrypt.generate(bytes, salt, 1 << params.log2N(), params.r(), params.p(), KEY_BYTES);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  // UTF-8 of the characters as given (no Unicode normalization); unpaired surrogates are refused
  // rather than replaced, so two different passphrases never derive the same key.
  private static byte[] utf8(char[] passphrase) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer out = ByteBuffer.allocate(3 * passphrase.length);
    CoderResult result = encoder.encode(CharBuffer.wrap(passphrase), out, true);
    if (result.isError() || encoder.flush(out).isError()) {
      Arrays.fill(out.array(), (byte) 0);
      throw new IllegalArgumentException("the passphrase is not valid Unicode");
    }
    byte[] bytes = Arrays.copyOf(out.array(), out.position());
    Arrays.fill(out.array(), (byte) 0);
    return bytes;
  }

  private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] file) {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    // The header (magic to public key) is authenticated as associated data.
    byte[] header = Arrays.copyOf(file, OFFSET_CIPHERTEXT);
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, header));
    return gcm;
  }

  /**
   * Writes a key file atomically: a temporary file in the same directory (mode 0600 where the file
   * system has POSIX permissions), synced, then renamed over {@code path} and the directory synced.
   * Refuses to replace an existing file (checked just before the rename).
   */
  public static void save(
      Path path, KeyPair keyPair, char[] passphrase, ScryptParameters params, SecureRandom random)
      throws IOException {
    byte[] file = encode(keyPair, passphrase, params, random);
    Path dir = path.toAbsolutePath().getParent();
    Path tmp = createPrivateTempFile(dir, path.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(file);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (Files.exists(path)) {
        throw new FileAlreadyExistsException(path.toString(), null, "refusing to replace a key");
      }
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  public static void save(Path path, KeyPair keyPair, char[] passphrase, SecureRandom random)
      throws IOException {
    save(path, keyPair, passphrase, ScryptParameters.DEFAULT, random);
  }

  private static Path createPrivateTempFile(Path dir, String name) throws IOException {
    String prefix = "." + name + ".";
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      return Files.createTempFile(
          dir,
          prefix,
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(dir, prefix, ".tmp");
  }

  /**
   * Reads and decrypts a key file.
   *
   * @throws WrongPassphraseException when the file is intact but the passphrase is wrong
   * @throws KeyFileException with the reason when the file is not an intact key file
   */
  public static KeyPair load(Path path, char[] passphrase) throws IOException, KeyFileException {
    return decode(readBounded(path), passphrase);
  }

  /** The public key in a key file, without the passphrase. */
  public static PublicKey loadPublicKey(Path path) throws IOException, KeyFileException {
    return decodePublicKey(readBounded(path));
  }

  // One byte more than a key file, so that a longer file is reported as such without reading it
  // all.
  private static byte[] readBounded(Path path) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(FILE_BYTES + 1);
    }
  }
}
