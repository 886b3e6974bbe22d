package org.alliancechain.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// SPEC M-26: a header commits to its parent, height, view, proposer and a bounded block time.
class BlockRulesTest {
  private static final String CHAIN = "alliance-1";
  private static final long NOW = 1_800_000_000_000L;
  private static final List<KeyPair> KEYS = List.of(key(1), key(2), key(3), key(4));
  private static final ValidatorSet SET =
      ValidatorSet.of(KEYS.stream().map(KeyPair::publicKey).toList());
  private static final Hash STATE_5 = Sha256.hash(new byte[] {5});

  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[0] = (byte) i;
    return KeyPair.fromSeed(seed);
  }

  private static final BlockHeader PARENT =
      new BlockHeader(
          CHAIN,
          7,
          2,
          Sha256.hash(new byte[] {6}),
          Block.txRoot(List.of()),
          0,
          5,
          STATE_5,
          SET.hash(),
          SET.get(0),
          NOW - 1_000);

  /** A header field by field, starting from a valid child of PARENT. */
  private static final class Child {
    String chainId = CHAIN;
    long height = 8;
    long view = 2;
    Hash previousHash = PARENT.hash();
    List<Transaction> txs = List.of();
    long executedHeight = 5;
    Hash executedStateRoot = STATE_5;
    Hash validatorSetHash = SET.hash();
    PublicKey proposer = SET.get(1);
    long timestampMillis = NOW;

    BlockHeader header() {
      return new BlockHeader(
          chainId,
          height,
          view,
          previousHash,
          Block.txRoot(txs),
          txs.size(),
          executedHeight,
          executedStateRoot,
          validatorSetHash,
          proposer,
          timestampMillis);
    }

    Block block() {
      return new Block(header(), txs);
    }

    Verdict proposal() {
      return BlockRules.checkProposal(block(), PARENT, SET, NOW);
    }
  }

  private static Transaction tx(int sender, long nonce) {
    return Transaction.sign(key(10 + sender), CHAIN, nonce, 1, Bytes.of(new byte[] {(byte) nonce}));
  }

  @Test
  void acceptsAWellFormedChild() {
    Child child = new Child();
    child.txs = List.of(tx(1, 0), tx(1, 1), tx(2, 0));
    assertThat(child.proposal()).isEqualTo(Verdict.ok());
  }

  @Test
  void acceptsAPipelinedChildThatExecutedFurther() {
    Child child = new Child();
    child.executedHeight = 7;
    child.executedStateRoot = Sha256.hash(new byte[] {7});
    assertThat(child.proposal().isOk()).isTrue();
  }

  @Test
  void rejectsAnotherChain() {
    Child child = new Child();
    child.chainId = "alliance-2";
    assertThat(child.proposal().reason()).isEqualTo("wrong_chain_id");
  }

  @Test
  void rejectsAHeightOtherThanParentPlusOne() {
    for (long height : new long[] {7, 9, 100}) {
      Child child = new Child();
      child.height = height;
      assertThat(child.proposal().reason()).as("height %d", height).isEqualTo("bad_height");
    }
  }

  @Test
  void rejectsAWrongPreviousHash() {
    Child child = new Child();
    child.previousHash = PARENT.previousHash();
    assertThat(child.proposal().reason()).isEqualTo("bad_previous_hash");
  }

  @Test
  void rejectsAViewBelowTheParents() {
    Child child = new Child();
    child.view = 1;
    assertThat(child.proposal().reason()).isEqualTo("view_regressed");
    child.view = 9;
    assertThat(child.proposal().isOk()).isTrue();
  }

  @Test
  void rejectsAnExecutedHeightBelowTheParents() {
    Child child = new Child();
    child.executedHeight = 4;
    assertThat(child.proposal().reason()).isEqualTo("executed_height_regressed");
  }

  @Test
  void rejectsAChangedRootForTheSameExecutedHeight() {
    Child child = new Child();
    child.executedStateRoot = Sha256.hash(new byte[] {55});
    assertThat(child.proposal().reason()).isEqualTo("executed_root_changed");
  }

  @Test
  void rejectsATimestampNotAfterTheParents() {
    Child child = new Child();
    child.timestampMillis = PARENT.timestampMillis();
    assertThat(BlockRules.checkChild(child.header(), PARENT).reason())
        .isEqualTo("timestamp_not_increasing");
    child.timestampMillis = PARENT.timestampMillis() - 1;
    assertThat(child.proposal().reason()).isEqualTo("timestamp_not_increasing");
    child.timestampMillis = PARENT.timestampMillis() + 1;
    assertThat(BlockRules.checkChild(child.header(), PARENT).isOk()).isTrue();
  }

  @Test
  void boundsTheTimestampByTheValidatorsClockInclusively() {
    Child child = new Child();
    child.timestampMillis = NOW + BlockRules.TIMESTAMP_AHEAD_MILLIS_MAX;
    assertThat(child.proposal().isOk()).isTrue();
    child.timestampMillis = NOW + BlockRules.TIMESTAMP_AHEAD_MILLIS_MAX + 1;
    assertThat(child.proposal().reason()).isEqualTo("timestamp_too_far_ahead");
    BlockHeader old = new Child().header();
    long late = old.timestampMillis() + BlockRules.TIMESTAMP_BEHIND_MILLIS_MAX;
    assertThat(BlockRules.checkTimestamp(old, late, 0, BlockRules.TIMESTAMP_BEHIND_MILLIS_MAX))
        .isEqualTo(Verdict.ok());
    assertThat(
            BlockRules.checkTimestamp(old, late + 1, 0, BlockRules.TIMESTAMP_BEHIND_MILLIS_MAX)
                .reason())
        .isEqualTo("timestamp_too_old");
  }

  @Test
  void rejectsAnotherValidatorSetOrAnOutsideProposer() {
    Child child = new Child();
    child.validatorSetHash = Sha256.hash(new byte[] {1});
    assertThat(child.proposal().reason()).isEqualTo("validator_set_mismatch");
    child = new Child();
    child.proposer = key(99).publicKey();
    assertThat(child.proposal().reason()).isEqualTo("proposer_not_validator");
  }

  @Test
  void rejectsABodyThatDoesNotMatchTheHeader() {
    Child child = new Child();
    child.txs = List.of(tx(1, 0), tx(1, 1));
    BlockHeader header = child.header();
    Block fewer = new Block(header, List.of(tx(1, 0)));
    assertThat(BlockRules.checkProposal(fewer, PARENT, SET, NOW).reason())
        .isEqualTo("tx_count_mismatch");
    Block swapped = new Block(header, List.of(tx(1, 1), tx(1, 0)));
    assertThat(BlockRules.checkProposal(swapped, PARENT, SET, NOW).reason())
        .isEqualTo("tx_root_mismatch");
  }

  @Test
  void rejectsADuplicateTransaction() {
    Child child = new Child();
    child.txs = List.of(tx(1, 0), tx(2, 0), tx(1, 0));
    assertThat(child.proposal().reason()).isEqualTo("duplicate_tx");
  }

  @Test
  void rejectsATransactionThatFailsStatelessAdmission() {
    Transaction foreign = Transaction.sign(key(11), "alliance-2", 0, 1, Bytes.of(new byte[] {1}));
    Child child = new Child();
    child.txs = List.of(tx(1, 0), foreign);
    assertThat(child.proposal().reason()).isEqualTo("tx_wrong_chain_id");
    Transaction good = tx(2, 0);
    Transaction forged =
        new Transaction(
            CHAIN, good.sender(), 0, good.kind(), good.payload(), Signature.of(new byte[64]));
    child.txs = List.of(forged);
    assertThat(child.proposal().reason()).isEqualTo("tx_bad_signature");
  }

  private static CertifiedBlock certify(Block block, int signers) {
    List<CommitCertificate.Vote> votes = new ArrayList<>();
    for (int i = 0; i < signers; i++) {
      PublicKey member = SET.get(i);
      KeyPair signer = KEYS.stream().filter(k -> k.publicKey().equals(member)).findFirst().get();
      votes.add(
          new CommitCertificate.Vote(
              i, CommitCertificate.signVote(signer, CHAIN, 3, block.height(), block.hash())));
    }
    return new CertifiedBlock(block, new CommitCertificate(block.height(), 3, block.hash(), votes));
  }

  @Test
  void certifiedBlocksAreCheckedWithoutTheClock() {
    Child child = new Child();
    child.txs = List.of(tx(1, 0));
    child.timestampMillis = PARENT.timestampMillis() + 1; // long ago for a syncing node
    assertThat(BlockRules.checkCertified(certify(child.block(), 3), PARENT, SET).isOk()).isTrue();
    assertThat(BlockRules.checkCertified(certify(child.block(), 2), PARENT, SET).reason())
        .isEqualTo("no_quorum");
    child.height = 9;
    assertThat(BlockRules.checkCertified(certify(child.block(), 3), PARENT, SET).reason())
        .isEqualTo("bad_height");
  }
}
