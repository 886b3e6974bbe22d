package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alliancechain.core.hash.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Encrypted key files (docs/crypto.md "Key files"). Most tests use the cheapest scrypt cost the
// reader accepts, to stay fast; one round trip uses the default cost.
class KeyFileTest {
  private static final KeyFile.ScryptParameters CHEAP = new KeyFile.ScryptParameters(10, 8, 1);
  private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
  private static final KeyPair KEY = KeyPair.fromSeed(seed(7));
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;

  private static byte[] seed(int b) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) b);
    return seed;
  }

  private static KeyFileException.Reason reasonOf(byte[] file) {
    try {
      KeyFile.decode(file, PASSPHRASE);
    } catch (KeyFileException e) {
      return e.reason();
    }
    throw new AssertionError("decoded a damaged file");
  }

  private static byte[] withChecksumFixed(byte[] file) {
    byte[] out = file.clone();
    Sha256.hash(Arrays.copyOf(out, out.length - 32)).copyTo(out, out.length - 32);
    return out;
  }

  @Test
  void savedKeyLoadsBackWithTheRightPassphrase() throws Exception {
    Path path = dir.resolve("member.key");
    KeyFile.save(path, KEY, PASSPHRASE, CHEAP, RANDOM);
    assertThat(Files.size(path)).isEqualTo(KeyFile.FILE_BYTES);
    KeyPair loaded = KeyFile.load(path, PASSPHRASE);
    assertThat(loaded.seed()).isEqualTo(KEY.seed());
    assertThat(loaded.publicKey()).isEqualTo(KEY.publicKey());
    assertThat(KeyFile.loadPublicKey(path)).isEqualTo(KEY.publicKey());
  }

  @Test
  void theSeedIsNotStoredInTheClear() {
    byte[] file = KeyFile.encode(KEY, PASSPHRASE, CHEAP, RANDOM);
    byte[] seed = KEY.seed();
    for (int i = 0; i + seed.length <= file.length; i++) {
      assertThat(Arrays.equals(file, i, i + seed.length, seed, 0, seed.length)).isFalse();
    }
  }

  @Test
  void defaultCostRoundTrips() throws Exception {
    assertThat(KeyFile.ScryptParameters.DEFAULT).isEqualTo(new KeyFile.ScryptParameters(16, 8, 1));
    byte[] file = KeyFile.encode(KEY, PASSPHRASE, KeyFile.ScryptParameters.DEFAULT, RANDOM);
    assertThat(KeyFile.decode(file, PASSPHRASE).publicKey()).isEqualTo(KEY.publicKey());
  }

  @Test
  void wrongPassphraseIsItsOwnError() throws Exception {
    Path path = dir.resolve("member.key");
    KeyFile.save(path, KEY, PASSPHRASE, CHEAP, RANDOM);
    assertThatThrownBy(() -> KeyFile.load(path, "correct horse battery stapler".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class)
        .hasMessageContaining("passphrase")
        .satisfies(
            e ->
                assertThat(((KeyFileException) e).reason())
                    .isEqualTo(KeyFileException.Reason.WRONG_PASSPHRASE));
    // The public key is still readable: the file is intact.
    assertThat(KeyFile.loadPublicKey(path)).isEqualTo(KEY.publicKey());
  }

  @Test
  void nonAsciiPassphrasesWork() throws Exception {
    char[] passphrase = "Grüße, 東京 🔑".toCharArray();
    byte[] file = KeyFile.encode(KEY, passphrase, CHEAP, RANDOM);
    assertThat(KeyFile.decode(file, passphrase).publicKey()).isEqualTo(KEY.publicKey());
    assertThatThrownBy(() -> KeyFile.decode(file, "Grüße, 東京".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void emptyPassphraseIsRefused() {
    assertThatThrownBy(() -> KeyFile.encode(KEY, new char[0], CHEAP, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("passphrase");
  }

  @Test
  void everyTruncationIsReportedAsTruncated() {
    byte[] file = KeyFile.encode(KEY, PASSPHRASE, CHEAP, RANDOM);
    for (int length = 0; length < file.length; length++) {
      assertThat(reasonOf(Arrays.copyOf(file, length)))
          .as("first %d bytes", length)
          .isEqualTo(KeyFileException.Reason.TRUNCATED);
    }
  }

  @Test
  void everyFlippedBitIsReportedAsDamageNeverAsAWrongPassphrase() {
    byte[] file = KeyFile.encode(KEY, PASSPHRASE, CHEAP, RANDOM);
    for (int bit = 0; bit < 8 * file.length; bit++) {
      byte[] damaged = file.clone();
      damaged[bit / 8] ^= (byte) (1 << (bit % 8));
      KeyFileException.Reason expected =
          bit / 8 < 4
              ? KeyFileException.Reason.NOT_A_KEY_FILE
              : bit / 8 == 4
                  ? KeyFileException.Reason.UNSUPPORTED_VERSION
                  : KeyFileException.Reason.CORRUPT;
      assertThat(reasonOf(damaged)).as("bit %d flipped", bit).isEqualTo(expected);
    }
  }

  @Test
  void trailingBytesAreReportedAsCorrupt() {
    byte[] file = KeyFile.encode(KEY, PASSPHRASE, CHEAP, RANDOM);
    assertThat(reasonOf(Arrays.copyOf(file, file.length + 1)))
        .isEqualTo(KeyFileException.Reason.CORRUPT);
  }

  @Test
  void otherFilesAreNotKeyFiles() throws IOException {
    Path text = dir.resolve("notes.txt");
    Files.writeString(
        text, "this is not a key file, but it is long enough to look like one ".repeat(5));
    assertThatThrownBy(() -> KeyFile.load(text, PASSPHRASE))
        .isInstanceOf(KeyFileException.class)
        .satisfies(
            e ->
                assertThat(((KeyFileException) e).reason())
                    .isEqualTo(KeyFileException.Reason.NOT_A_KEY_FILE));
  }

  @Test
  void costsOutsideTheLimitsAreRefusedBeforeDerivingAnything() {
    byte[] file = KeyFile.encode(KEY, PASSPHRASE, CHEAP, RANDOM);
    // Offsets 6, 7, 8: log2 N, r, p (docs/crypto.md). An intact file asking for 2^40 memory.
    for (int[] change : new int[][] {{6, 40}, {6, 9}, {7, 0}, {7, 33}, {8, 0}, {8, 17}}) {
      byte[] changed = file.clone();
      changed[change[0]] = (byte) change[1];
      assertThat(reasonOf(withChecksumFixed(changed)))
          .as("byte %d = %d", change[0], change[1])
          .isEqualTo(KeyFileException.Reason.UNSUPPORTED_PARAMETERS);
    }
    byte[] otherKdf = file.clone();
    otherKdf[5] = 2;
    assertThat(reasonOf(withChecksumFixed(otherKdf)))
        .isEqualTo(KeyFileException.Reason.UNSUPPORTED_PARAMETERS);
    assertThatThrownBy(() -> new KeyFile.ScryptParameters(20, 32, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTamperedHeaderWithARecomputedChecksumFailsAuthentication() {
    // The checksum is unkeyed: someone who rewrites the public key and the checksum gets past it,
    // but the header is GCM associated data, so decryption fails (reported as a wrong passphrase:
    // without the passphrase nobody can tell the two apart, see docs/crypto.md).
    byte[] file = KeyFile.encode(KEY, PASSPHRASE, CHEAP, RANDOM);
    byte[] tampered = file.clone();
    tampered[38] ^= 1; // first byte of the public key
    assertThat(reasonOf(withChecksumFixed(tampered)))
        .isEqualTo(KeyFileException.Reason.WRONG_PASSPHRASE);
  }

  @Test
  void saveWritesOwnerOnlyPermissionsAndLeavesNoTemporaryFile() throws Exception {
    Path path = dir.resolve("member.key");
    KeyFile.save(path, KEY, PASSPHRASE, CHEAP, RANDOM);
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(path))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("member.key");
    }
  }

  @Test
  void saveRefusesToReplaceAnExistingKey() throws Exception {
    Path path = dir.resolve("member.key");
    KeyFile.save(path, KEY, PASSPHRASE, CHEAP, RANDOM);
    byte[] before = Files.readAllBytes(path);
    KeyPair other = KeyPair.fromSeed(seed(8));
    assertThatThrownBy(() -> KeyFile.save(path, other, PASSPHRASE, CHEAP, RANDOM))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readAllBytes(path)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(1);
    }
  }

  @Test
  void randomKeysRoundTripThroughBytes() throws Exception {
    long seed = Long.getLong("keyfile.seed", System.nanoTime());
    System.out.println("KeyFileTest seed = " + seed + " (replay: -Dkeyfile.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 5; i++) {
      byte[] keySeed = new byte[32];
      random.nextBytes(keySeed);
      KeyPair key = KeyPair.fromSeed(keySeed);
      char[] passphrase = new char[1 + random.nextInt(40)];
      for (int j = 0; j < passphrase.length; j++) {
        passphrase[j] = (char) (' ' + random.nextInt(95));
      }
      byte[] file = KeyFile.encode(key, passphrase, CHEAP, RANDOM);
      assertThat(KeyFile.decode(file, passphrase).seed()).isEqualTo(key.seed());
      assertThat(KeyFile.decodePublicKey(file)).isEqualTo(key.publicKey());
    }
  }
}
