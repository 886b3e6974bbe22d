package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.token.dao.Proposal;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Role;
import org.alliancechain.token.tx.DaoAction;
import org.alliancechain.token.tx.TokenTx;
import org.junit.jupiter.api.Test;

/** SPEC M-23 (DAO) and M-24 (committee hold); paper V.A "making rules in DAO". */
class DaoTest {
  private static Harness alliance(AllianceMode mode, int members) {
    return new Harness(
        mode,
        members,
        Map.of(
            ParamId.DAO_VOTING_PERIOD_BLOCKS,
            5L,
            ParamId.EPOCH_LENGTH_BLOCKS,
            10L,
            // K = 2: the consensus window is 4 blocks
            ParamId.CHECKPOINT_INTERVAL_BLOCKS,
            2L),
        100,
        0);
  }

  private static long propose(Harness h, int proposer, DaoAction action) {
    assertThat(h.one(h.tx(h.m(proposer), new TokenTx.Propose(action))).success()).isTrue();
    return h.q().proposal(1).isPresent() && h.q().proposal(2).isEmpty() ? 1 : lastId(h);
  }

  private static long lastId(Harness h) {
    long id = 1;
    while (h.q().proposal(id + 1).isPresent()) {
      id++;
    }
    return id;
  }

  private static void vote(Harness h, int member, long id, boolean yes) {
    assertThat(h.one(h.tx(h.m(member), new TokenTx.Vote(id, yes))).success()).isTrue();
  }

  @Test
  void aPassedProposalExecutesAtItsCloseHeight() {
    Harness h = alliance(AllianceMode.COOPERATIVE, 4);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120));
    long close = h.q().proposal(id).orElseThrow().closeHeight();
    assertThat(close).isEqualTo(h.height + 5);
    vote(h, 0, id, true);
    vote(h, 1, id, true);
    vote(h, 2, id, true);
    h.emptyBlocks((int) (close - 1 - h.height));
    assertThat(h.q().params().get(ParamId.REWARD_STANDARD_TOKENS)).isEqualTo(100);
    h.emptyBlocks(1);
    assertThat(h.q().params().get(ParamId.REWARD_STANDARD_TOKENS)).isEqualTo(120);
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.EXECUTED);
  }

  @Test
  void theDaoCannotChangeTheConsensusWindowNorPutAnEpochOffItsGrid() {
    // docs/consensus.md: K is fixed at genesis; an epoch is a multiple of K and at least 2K long
    Harness h = alliance(AllianceMode.COOPERATIVE, 4);
    for (var action :
        java.util.List.of(
            new DaoAction.SetParam(ParamId.CHECKPOINT_INTERVAL_BLOCKS, 4),
            new DaoAction.SetParam(ParamId.EPOCH_LENGTH_BLOCKS, 3),
            new DaoAction.SetParam(ParamId.EPOCH_LENGTH_BLOCKS, 2))) {
      long id = propose(h, 0, action);
      vote(h, 0, id, true);
      vote(h, 1, id, true);
      vote(h, 2, id, true);
      h.emptyBlocks(6);
      assertThat(h.q().proposal(id).orElseThrow().status())
          .isEqualTo(Proposal.Status.NOT_APPLICABLE);
    }
    assertThat(h.q().params().get(ParamId.CHECKPOINT_INTERVAL_BLOCKS)).isEqualTo(2);
    assertThat(h.q().params().get(ParamId.EPOCH_LENGTH_BLOCKS)).isEqualTo(10);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.EPOCH_LENGTH_BLOCKS, 6));
    vote(h, 0, id, true);
    vote(h, 1, id, true);
    vote(h, 2, id, true);
    h.emptyBlocks(6);
    assertThat(h.q().params().get(ParamId.EPOCH_LENGTH_BLOCKS)).isEqualTo(6);
  }

  @Test
  void withoutQuorumNothingChanges() {
    // quorum 40%: one voter of four equal holders is 25%
    Harness h = alliance(AllianceMode.COOPERATIVE, 4);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120));
    vote(h, 0, id, true);
    h.emptyBlocks(6);
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.NO_QUORUM);
    assertThat(h.q().params().get(ParamId.REWARD_STANDARD_TOKENS)).isEqualTo(100);
  }

  @Test
  void aTieDoesNotPass() {
    Harness h = alliance(AllianceMode.COOPERATIVE, 4);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120));
    vote(h, 0, id, true);
    vote(h, 1, id, true);
    vote(h, 2, id, false);
    vote(h, 3, id, false);
    h.emptyBlocks(6);
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.REJECTED);
  }

  @Test
  void tokensMovedDuringTheVoteCountOnce() {
    Harness h = alliance(AllianceMode.COOPERATIVE, 4);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120));
    vote(h, 0, id, true);
    // member 0 hands its 100 tokens to member 1, who votes against: its weight is its own
    // snapshot (100), not 200
    assertThat(h.one(h.tx(h.m(0), new TokenTx.TransferTokens(h.pk(1), 100))).success()).isTrue();
    vote(h, 1, id, false);
    Proposal p = h.q().proposal(id).orElseThrow();
    assertThat(p.weightVoted(true)).isEqualTo(p.weights().get(h.pk(0)));
    assertThat(p.weightVoted(false)).isEqualTo(p.weights().get(h.pk(1)));
    assertThat(p.weightVoted(false)).isEqualTo(p.weightVoted(true));
    h.emptyBlocks(6);
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.REJECTED);
  }

  @Test
  void whoHeldNothingAtOpeningCannotVote() {
    Harness h = alliance(AllianceMode.COOPERATIVE, 4);
    h.one(h.tx(h.m(3), new TokenTx.TransferTokens(h.pk(2), 100)));
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120));
    h.one(h.tx(h.m(2), new TokenTx.TransferTokens(h.pk(3), 50)));
    assertThat(h.one(h.tx(h.m(3), new TokenTx.Vote(id, true))).code()).isEqualTo("no_weight");
    vote(h, 2, id, true);
    assertThat(h.one(h.tx(h.m(2), new TokenTx.Vote(id, false))).code()).isEqualTo("already_voted");
  }

  @Test
  void weightsAreStakeSoLongerHoldingWeighsMore() {
    // SPEC M-21: stake is the weight in DAO votes
    Harness h = alliance(AllianceMode.COOPERATIVE, 2);
    h.emptyBlocks(500);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120));
    // 100 tokens held since genesis for 501 blocks with cap 1000: 100 + 50
    assertThat(h.q().proposal(id).orElseThrow().weights().get(h.pk(0))).isEqualTo(150);
  }

  @Test
  void anAdmittedMemberCanTransactAndARemovedOneCannot() {
    Harness h = alliance(AllianceMode.COMPETITIVE, 4);
    KeyPair newcomer = Harness.key(60);
    long admit =
        propose(
            h,
            0,
            new DaoAction.AdmitMember(
                newcomer.publicKey(),
                "newco",
                Set.of(Role.CORPORATION),
                java.util.Optional.of(
                    new org.alliancechain.token.state.Endpoint("10.0.0.9", 7105, 8105))));
    long remove = propose(h, 1, new DaoAction.RemoveMember(h.pk(3)));
    var votes = new java.util.ArrayList<org.alliancechain.core.tx.Transaction>();
    for (int m = 0; m < 3; m++) {
      votes.add(h.tx(h.m(m), new TokenTx.Vote(admit, true)));
      votes.add(h.tx(h.m(m), new TokenTx.Vote(remove, true)));
    }
    assertThat(h.block(votes.toArray(org.alliancechain.core.tx.Transaction[]::new)))
        .allMatch(o -> o.success());
    h.emptyBlocks(6);
    assertThat(h.q().member(newcomer.publicKey()).orElseThrow().active()).isTrue();
    // the other nodes learn where to dial the newcomer from the ledger (SPEC M-23)
    assertThat(h.q().endpoint(newcomer.publicKey()).orElseThrow().toString())
        .isEqualTo("10.0.0.9:7105:8105");
    assertThat(h.one(h.tx(h.m(0), new TokenTx.TransferTokens(newcomer.publicKey(), 5))).success())
        .isTrue();
    assertThat(h.one(h.tx(newcomer, new TokenTx.TransferTokens(h.pk(0), 5))).success()).isTrue();
    // removed: refused in check and in execute, and off the committee; its tokens still exist
    var tx = h.tx(h.m(3), new TokenTx.TransferTokens(h.pk(0), 5));
    assertThat(h.app.check(tx, h.state).reason()).isEqualTo("not_member");
    assertThat(h.one(tx).code()).isEqualTo("not_member");
    assertThat(h.q().committee()).doesNotContain(h.pk(3));
    assertThat(h.tokens(3)).isEqualTo(100);
  }

  @Test
  void validatorChangesTakeEffectAtTheNextEpochBoundary() {
    Harness h = alliance(AllianceMode.COOPERATIVE, 5);
    long id = propose(h, 0, new DaoAction.AddValidator(h.pk(4)));
    for (int m = 0; m < 4; m++) {
      vote(h, m, id, true);
    }
    long close = h.q().proposal(id).orElseThrow().closeHeight();
    h.emptyBlocks((int) (close - h.height));
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.EXECUTED);
    // docs/consensus.md: decided at h, in force from the first multiple E of the epoch (10) with
    // E > h + window (4). The proposal closes at 6 (proposed in block 1, voting period 5):
    // 6 + 4 = 10 is not beyond 10, so 20.
    assertThat(close).isEqualTo(6);
    assertThat(h.q().validators().decidedAt(close).orElseThrow().activationHeight()).isEqualTo(20);
    assertThat(h.q().pendingValidatorSet(19).contains(h.pk(4))).isFalse();
    assertThat(h.q().pendingValidatorSet(20).contains(h.pk(4))).isTrue();
    assertThat(h.q().pendingValidatorSet(20).size()).isEqualTo(5);
    h.emptyBlocks((int) (22 - h.height));
    assertThat(h.q().validators().scheduled()).isEmpty();
    assertThat(h.q().validators().current()).hasSize(5);
  }

  @Test
  void theCommitteeCanHoldAProposalOnceForABoundedTime() {
    // SPEC M-24: committee hold; COMMITTEE_HOLD_BLOCKS = 10 by default
    Harness h = alliance(AllianceMode.COMPETITIVE, 4);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120));
    long close = h.q().proposal(id).orElseThrow().closeHeight();
    h.block(
        h.tx(h.m(0), new TokenTx.Vote(id, true)),
        h.tx(h.m(1), new TokenTx.Vote(id, true)),
        h.tx(h.m(2), new TokenTx.Vote(id, true)));
    h.block(h.tx(h.m(0), new TokenTx.HoldProposal(id)), h.tx(h.m(1), new TokenTx.HoldProposal(id)));
    assertThat(h.q().proposal(id).orElseThrow().held()).isFalse();
    h.one(h.tx(h.m(2), new TokenTx.HoldProposal(id)));
    assertThat(h.q().proposal(id).orElseThrow().held()).isTrue();
    assertThat(h.q().proposal(id).orElseThrow().closeHeight()).isEqualTo(close + 10);
    assertThat(h.one(h.tx(h.m(3), new TokenTx.HoldProposal(id))).code()).isEqualTo("already_held");
    h.emptyBlocks((int) (close + 9 - h.height));
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.OPEN);
    h.emptyBlocks(1);
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.EXECUTED);
  }

  @Test
  void cooperativeAlliancesHaveNoHold() {
    Harness h = alliance(AllianceMode.COOPERATIVE, 4);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120));
    assertThat(h.one(h.tx(h.m(0), new TokenTx.HoldProposal(id))).code()).isEqualTo("no_committee");
  }

  @Test
  void committeeMembershipIsChangedByTheDao() {
    Harness h = alliance(AllianceMode.COMPETITIVE, 4);
    long id = propose(h, 0, new DaoAction.RemoveCommitteeMember(h.pk(2)));
    for (int m = 0; m < 3; m++) {
      vote(h, m, id, true);
    }
    h.emptyBlocks(6);
    assertThat(h.q().committee()).containsExactlyInAnyOrder(h.pk(0), h.pk(1), h.pk(3));
  }

  @Test
  void aPassedProposalThatNoLongerAppliesChangesNothing() {
    Harness h = alliance(AllianceMode.COOPERATIVE, 4);
    long id = propose(h, 0, new DaoAction.AdmitMember(h.pk(1), "again", Set.of(Role.CORPORATION)));
    h.block(
        h.tx(h.m(0), new TokenTx.Vote(id, true)),
        h.tx(h.m(1), new TokenTx.Vote(id, true)),
        h.tx(h.m(2), new TokenTx.Vote(id, true)));
    var before = h.q().member(h.pk(1)).orElseThrow();
    h.emptyBlocks(6);
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.NOT_APPLICABLE);
    assertThat(h.q().member(h.pk(1))).contains(before);
  }

  @Test
  void trustCoefficientsChangedByTheDaoReachTheTrustValue() {
    // SPEC M-9: alpha, beta, gamma and the threshold are DAO parameters
    Harness h = alliance(AllianceMode.COMPETITIVE, 4);
    long id = propose(h, 0, new DaoAction.SetParam(ParamId.TRUST_BETA_PPM, 250_000));
    h.block(
        h.tx(h.m(0), new TokenTx.Vote(id, true)),
        h.tx(h.m(1), new TokenTx.Vote(id, true)),
        h.tx(h.m(2), new TokenTx.Vote(id, true)));
    assertThat(h.q().trustParameters().beta()).isEqualTo(600_000);
    h.emptyBlocks(6);
    assertThat(h.q().trustParameters().beta()).isEqualTo(250_000);
    assertThat(h.q().trustParameters().alpha()).isEqualTo(1_000_000);
  }

  @Test
  void aRemovedValidatorLeavesTheSetAtTheNextEpoch() {
    // SPEC M-3, M-23: a removed member's node is no longer a validator
    Harness h = alliance(AllianceMode.COOPERATIVE, 5);
    long id = propose(h, 0, new DaoAction.RemoveMember(h.pk(3)));
    h.block(
        h.tx(h.m(0), new TokenTx.Vote(id, true)),
        h.tx(h.m(1), new TokenTx.Vote(id, true)),
        h.tx(h.m(2), new TokenTx.Vote(id, true)));
    h.emptyBlocks(6);
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.EXECUTED);
    long close = h.q().proposal(id).orElseThrow().closeHeight();
    long activation = h.q().validators().decidedAt(close).orElseThrow().activationHeight();
    assertThat(activation % 10).isZero();
    assertThat(activation).isGreaterThan(close + 4).isLessThanOrEqualTo(close + 4 + 10);
    assertThat(h.q().pendingValidatorSet(activation - 1).contains(h.pk(3))).isTrue();
    assertThat(h.q().pendingValidatorSet(activation).contains(h.pk(3))).isFalse();
    assertThat(h.q().pendingValidatorSet(activation).size()).isEqualTo(3);
  }
}
