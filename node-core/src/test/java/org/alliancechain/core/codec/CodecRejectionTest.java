package org.alliancechain.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.codec.DecodeException.Reason;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// Issue 2: decoding rejects trailing bytes, over-long lengths, unknown kinds and sizes over the
// documented limits (docs/ledger-format.md), each with a reason.
class CodecRejectionTest {
  private static final String CHAIN = "alliance-1";
  private final LedgerGenerators gen = new LedgerGenerators(new SplittableRandom(42));

  private static void assertRejected(Function<byte[], ?> decoder, byte[] bytes, Reason reason) {
    assertThatThrownBy(() -> decoder.apply(bytes))
        .isInstanceOf(DecodeException.class)
        .satisfies(e -> assertThat(((DecodeException) e).reason()).isEqualTo(reason));
  }

  private static byte[] append(byte[] bytes, int... extra) {
    byte[] out = Arrays.copyOf(bytes, bytes.length + extra.length);
    for (int i = 0; i < extra.length; i++) {
      out[bytes.length + i] = (byte) extra[i];
    }
    return out;
  }

  /** A transaction written field by field, so that each field can be made wrong. */
  private static CanonicalWriter txPrefix(int version, byte[] chainId) {
    return new CanonicalWriter().u8(version).bytes(chainId).raw(new byte[PublicKey.SIZE_BYTES]);
  }

  private static byte[] tx(int version, byte[] chainId, long nonce, int payloadLength) {
    CanonicalWriter w = txPrefix(version, chainId).i64(nonce).u16(7).u32(payloadLength);
    return w.raw(new byte[payloadLength]).raw(new byte[Signature.SIZE_BYTES]).toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  @Test
  void handWrittenTransactionMatchesTheCodecSoTheCasesBelowTestOneFieldEach() {
    Transaction decoded = Transaction.decode(tx(1, ascii(CHAIN), 5, 3));
    assertThat(decoded.chainId()).isEqualTo(CHAIN);
    assertThat(decoded.nonce()).isEqualTo(5);
    assertThat(decoded.payload()).isEqualTo(Bytes.of(new byte[3]));
    assertThat(decoded.encodedSizeBytes()).isEqualTo(decoded.encode().length);
  }

  @Test
  void rejectsTrailingBytes() {
    Transaction tx = gen.transaction();
    assertRejected(Transaction::decode, append(tx.encode(), 0), Reason.TRAILING_BYTES);
    assertRejected(BlockHeader::decode, append(gen.header().encode(), 1), Reason.TRAILING_BYTES);
    assertRejected(Block::decode, append(gen.block().encode(), 0, 0), Reason.TRAILING_BYTES);
    assertRejected(
        CommitCertificate::decode, append(gen.certificate().encode(), 9), Reason.TRAILING_BYTES);
    assertRejected(
        CertifiedBlock::decode, append(gen.certifiedBlock().encode(), 0), Reason.TRAILING_BYTES);
    assertRejected(
        ValidatorSet::decode, append(gen.validatorSet().encode(), 0), Reason.TRAILING_BYTES);
  }

  @Test
  void rejectsEveryTruncation() {
    List<byte[]> encodings =
        List.of(gen.transaction().encode(), gen.header().encode(), gen.certificate().encode());
    List<Function<byte[], ?>> decoders =
        List.of(Transaction::decode, BlockHeader::decode, CommitCertificate::decode);
    for (int t = 0; t < encodings.size(); t++) {
      byte[] full = encodings.get(t);
      for (int length = 0; length < full.length; length++) {
        assertRejected(decoders.get(t), Arrays.copyOf(full, length), Reason.TRUNCATED);
      }
    }
  }

  @Test
  void rejectsLengthsPastTheEndOfTheInput() {
    // The payload claims 100 bytes; only 3 follow (no signature either).
    byte[] bytes = txPrefix(1, ascii(CHAIN)).i64(0).u16(0).u32(100).raw(new byte[3]).toByteArray();
    assertRejected(Transaction::decode, bytes, Reason.TRUNCATED);
  }

  @Test
  void rejectsLengthsOverTheirLimits() {
    byte[] longChainId = new byte[Transaction.CHAIN_ID_BYTES_MAX + 1];
    Arrays.fill(longChainId, (byte) 'a');
    assertRejected(Transaction::decode, tx(1, longChainId, 0, 0), Reason.LENGTH_OVER_LIMIT);
    byte[] overPayload =
        txPrefix(1, ascii(CHAIN))
            .i64(0)
            .u16(0)
            .u32(Transaction.PAYLOAD_BYTES_MAX + 1)
            .toByteArray();
    assertRejected(Transaction::decode, overPayload, Reason.LENGTH_OVER_LIMIT);
    // A u32 length with the top bit set must not turn negative.
    byte[] hugePayload =
        txPrefix(1, ascii(CHAIN)).i64(0).u16(0).raw(new byte[] {-1, -1, -1, -1}).toByteArray();
    assertRejected(Transaction::decode, hugePayload, Reason.LENGTH_OVER_LIMIT);
  }

  @Test
  void rejectsCountsOverTheirLimits() {
    byte[] header = gen.header().encode();
    byte[] block =
        new CanonicalWriter().raw(header).count(Block.TRANSACTIONS_MAX + 1).toByteArray();
    assertRejected(Block::decode, block, Reason.LENGTH_OVER_LIMIT);
    byte[] votes =
        new CanonicalWriter()
            .u63(1)
            .u63(0)
            .hash(Hash.ZERO)
            .count(ValidatorSet.SIZE_MAX + 1)
            .toByteArray();
    assertRejected(CommitCertificate::decode, votes, Reason.LENGTH_OVER_LIMIT);
    byte[] validators = new CanonicalWriter().count(ValidatorSet.SIZE_MAX + 1).toByteArray();
    assertRejected(ValidatorSet::decode, validators, Reason.LENGTH_OVER_LIMIT);
  }

  @Test
  void rejectsHeaderTxCountOverTheBlockLimit() {
    byte[] good = gen.header(CHAIN).encode();
    // txCount sits after version, chain id, height, view and two hashes.
    int at = 1 + 4 + CHAIN.length() + 8 + 8 + 32 + 32;
    byte[] bad = good.clone();
    int over = Block.TRANSACTIONS_MAX + 1;
    bad[at] = (byte) (over >>> 24);
    bad[at + 1] = (byte) (over >>> 16);
    bad[at + 2] = (byte) (over >>> 8);
    bad[at + 3] = (byte) over;
    assertRejected(BlockHeader::decode, bad, Reason.LENGTH_OVER_LIMIT);
  }

  @Test
  void rejectsBlocksWhoseTransactionsExceedTheByteLimit() {
    Transaction big =
        new Transaction(
            CHAIN,
            gen.key(),
            0,
            1,
            Bytes.wrap(new byte[Transaction.PAYLOAD_BYTES_MAX]),
            gen.signature());
    int fit = Block.TRANSACTIONS_BYTES_MAX / big.encodedSizeBytes();
    CanonicalWriter w = new CanonicalWriter(Block.TRANSACTIONS_BYTES_MAX + 1024);
    gen.header(CHAIN).encode(w);
    w.count(fit + 1);
    for (int i = 0; i <= fit; i++) {
      big.encode(w);
    }
    assertRejected(Block::decode, w.toByteArray(), Reason.LENGTH_OVER_LIMIT);
    List<Transaction> tooMany = new ArrayList<>();
    for (int i = 0; i <= fit; i++) {
      tooMany.add(big);
    }
    assertThatThrownBy(() -> new Block(gen.header(CHAIN), tooMany))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsUnknownVersions() {
    // Versions are the only kind tags of these structures; DecodeException names them UNKNOWN_KIND.
    assertRejected(Transaction::decode, tx(2, ascii(CHAIN), 0, 0), Reason.UNKNOWN_KIND);
    assertRejected(Transaction::decode, tx(0, ascii(CHAIN), 0, 0), Reason.UNKNOWN_KIND);
    byte[] header = gen.header().encode();
    header[0] = 2;
    assertRejected(BlockHeader::decode, header, Reason.UNKNOWN_KIND);
  }

  @Test
  void rejectsNonCanonicalBooleans() {
    assertThat(new CanonicalReader(new byte[] {1}).bool("flag")).isTrue();
    assertThat(new CanonicalReader(new byte[] {0}).bool("flag")).isFalse();
    for (int b : new int[] {2, 0x80, 0xff}) {
      assertThatThrownBy(() -> new CanonicalReader(new byte[] {(byte) b}).bool("flag"))
          .isInstanceOfSatisfying(
              DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NON_CANONICAL));
    }
  }

  @Test
  void rejectsNegativeU63() {
    assertRejected(Transaction::decode, tx(1, ascii(CHAIN), -1, 0), Reason.INVALID_VALUE);
    assertRejected(
        Transaction::decode, tx(1, ascii(CHAIN), Long.MIN_VALUE, 0), Reason.INVALID_VALUE);
    byte[] header = gen.header(CHAIN).encode();
    header[1 + 4 + CHAIN.length()] |= (byte) 0x80; // height's sign bit
    assertRejected(BlockHeader::decode, header, Reason.INVALID_VALUE);
  }

  @Test
  void rejectsMalformedUtf8() {
    byte[][] malformed = {
      {(byte) 0xc3, 0x28}, // a lead byte without its continuation
      {(byte) 0xc0, (byte) 0xaf}, // over-long encoding of '/'
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // an encoded surrogate (CESU-8)
      {(byte) 0xff},
    };
    for (byte[] chainId : malformed) {
      assertRejected(Transaction::decode, tx(1, chainId, 0, 0), Reason.NON_CANONICAL);
    }
  }

  @Test
  void rejectsWellFormedChainIdsOutsideTheAlphabet() {
    byte[] accented = "caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertRejected(Transaction::decode, tx(1, accented, 0, 0), Reason.INVALID_VALUE);
    assertRejected(Transaction::decode, tx(1, new byte[0], 0, 0), Reason.INVALID_VALUE);
  }

  @Test
  void rejectsUnsortedOrDuplicateValidators() {
    List<PublicKey> keys = List.of(gen.key(), gen.key(), gen.key());
    ValidatorSet set = ValidatorSet.of(keys);
    CanonicalWriter reversed = new CanonicalWriter().count(3);
    for (int i = 2; i >= 0; i--) {
      set.get(i).encode(reversed);
    }
    assertRejected(ValidatorSet::decode, reversed.toByteArray(), Reason.NON_CANONICAL);
    CanonicalWriter duplicate = new CanonicalWriter().count(2);
    set.get(0).encode(duplicate);
    set.get(0).encode(duplicate);
    assertRejected(ValidatorSet::decode, duplicate.toByteArray(), Reason.INVALID_VALUE);
    assertRejected(
        ValidatorSet::decode, new CanonicalWriter().count(0).toByteArray(), Reason.INVALID_VALUE);
  }

  private static byte[] certificate(int... validators) {
    CanonicalWriter w =
        new CanonicalWriter().u63(3).u63(0).hash(Hash.ZERO).count(validators.length);
    for (int v : validators) {
      w.u16(v).raw(new byte[Signature.SIZE_BYTES]);
    }
    return w.toByteArray();
  }

  @Test
  void rejectsUnsortedDuplicateOrOutOfRangeVotes() {
    assertThat(CommitCertificate.decode(certificate(0, 2, 5)).votes()).hasSize(3);
    assertRejected(CommitCertificate::decode, certificate(2, 0), Reason.NON_CANONICAL);
    assertRejected(CommitCertificate::decode, certificate(1, 1), Reason.NON_CANONICAL);
    assertRejected(
        CommitCertificate::decode, certificate(0, ValidatorSet.SIZE_MAX), Reason.INVALID_VALUE);
  }

  @Test
  void certificateConstructorRefusesWhatTheDecoderRejects() {
    Signature sig = gen.signature();
    var votes = List.of(new CommitCertificate.Vote(2, sig), new CommitCertificate.Vote(1, sig));
    assertThatThrownBy(() -> new CommitCertificate(1, 0, Hash.ZERO, votes))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommitCertificate.Vote(ValidatorSet.SIZE_MAX, sig))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsHeadersWhoseExecutedHeightIsNotBelowTheirHeight() {
    BlockHeader good = gen.header(CHAIN);
    CanonicalWriter w = new CanonicalWriter();
    w.u8(BlockHeader.VERSION).string(CHAIN).u63(5).u63(0).hash(Hash.ZERO).hash(Hash.ZERO);
    w.u32(0).u63(5).hash(Hash.ZERO).hash(Hash.ZERO);
    good.proposer().encode(w);
    w.u63(1);
    assertRejected(BlockHeader::decode, w.toByteArray(), Reason.INVALID_VALUE);
    assertThatThrownBy(
            () ->
                new BlockHeader(
                    CHAIN,
                    0,
                    0,
                    Hash.ZERO,
                    Hash.ZERO,
                    0,
                    3,
                    Hash.ZERO,
                    Hash.ZERO,
                    good.proposer(),
                    0))
        .as("genesis executes nothing before itself")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void documentedMaximumSizesAreExact() {
    String longest = "a".repeat(Transaction.CHAIN_ID_BYTES_MAX);
    Transaction tx =
        new Transaction(
            longest,
            gen.key(),
            Long.MAX_VALUE,
            Transaction.KIND_MAX,
            Bytes.wrap(new byte[Transaction.PAYLOAD_BYTES_MAX]),
            gen.signature());
    assertThat(tx.encode()).hasSize(Transaction.ENCODED_BYTES_MAX);
    assertThat(gen.header(longest).encode()).hasSize(BlockHeader.ENCODED_BYTES_MAX);
    List<CommitCertificate.Vote> votes = new ArrayList<>();
    for (int i = 0; i < ValidatorSet.SIZE_MAX; i++) {
      votes.add(new CommitCertificate.Vote(i, gen.signature()));
    }
    assertThat(new CommitCertificate(1, 1, Hash.ZERO, votes).encode())
        .hasSize(CommitCertificate.ENCODED_BYTES_MAX);
  }

  @Test
  void readerRefusesAWindowOutsideItsArray() {
    assertThatThrownBy(() -> new CanonicalReader(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
