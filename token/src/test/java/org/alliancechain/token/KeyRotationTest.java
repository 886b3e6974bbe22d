package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.dao.Proposal;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.tx.DaoAction;
import org.alliancechain.token.tx.TokenTx;
import org.junit.jupiter.api.Test;

/**
 * Issue #4: key rotation is a DAO action that takes effect at a known height, the activation height
 * E of a validator change decided at the same block (docs/consensus.md, "Key rotation").
 */
class KeyRotationTest {
  private static final KeyPair NEW_KEY = Harness.key(50);

  // K = 2 (window 4), epoch 10, voting period 5: a proposal made in block 1 closes at 6, and
  // 6 + 4 = 10 is not beyond 10, so E = 20 (ValidatorChange.activationHeight, docs/consensus.md).
  private static final long CLOSE = 6;
  private static final long E = 20;

  private static Harness alliance() {
    return new Harness(
        AllianceMode.COOPERATIVE,
        5,
        Map.of(
            ParamId.DAO_VOTING_PERIOD_BLOCKS, 5L,
            ParamId.EPOCH_LENGTH_BLOCKS, 10L,
            ParamId.CHECKPOINT_INTERVAL_BLOCKS, 2L),
        100,
        0);
  }

  private static TxOutcome propose(Harness h, DaoAction action) {
    return h.one(h.tx(h.m(0), new TokenTx.Propose(action)));
  }

  /**
   * Proposes, votes with four members (not member 1, whose key the tests rotate) and runs blocks
   * until the proposal closed.
   */
  private static void pass(Harness h, DaoAction action) {
    assertThat(propose(h, action).success()).isTrue();
    long id = 1;
    while (h.q().proposal(id + 1).isPresent()) {
      id++;
    }
    for (int m : new int[] {0, 2, 3, 4}) {
      assertThat(h.one(h.tx(h.m(m), new TokenTx.Vote(id, true))).success()).isTrue();
    }
    long close = h.q().proposal(id).orElseThrow().closeHeight();
    h.emptyBlocks((int) (close - h.height));
    assertThat(h.q().proposal(id).orElseThrow().status()).isEqualTo(Proposal.Status.EXECUTED);
  }

  private static TxOutcome transfer(Harness h, KeyPair signer, PublicKey to) {
    return h.one(h.tx(signer, new TokenTx.TransferTokens(to, 1)));
  }

  @Test
  void aValidatorsNewKeySignsAndCertifiesFromTheActivationHeightOn() {
    Harness h = alliance();
    PublicKey member = h.pk(1);
    pass(h, new DaoAction.RotateKey(member, NEW_KEY.publicKey()));
    assertThat(h.height).isEqualTo(CLOSE);
    var rotation = h.q().keyRotation(member).orElseThrow();
    assertThat(rotation.decidedAt()).isEqualTo(CLOSE);
    assertThat(rotation.activationHeight()).isEqualTo(E);
    // the same E as the validator change scheduled in the same block
    assertThat(h.q().validators().decidedAt(CLOSE).orElseThrow().activationHeight()).isEqualTo(E);
    assertThat(h.q().pendingValidatorSet(E - 1).contains(member)).isTrue();
    assertThat(h.q().pendingValidatorSet(E - 1).contains(NEW_KEY.publicKey())).isFalse();
    assertThat(h.q().pendingValidatorSet(E).contains(member)).isFalse();
    assertThat(h.q().pendingValidatorSet(E).contains(NEW_KEY.publicKey())).isTrue();
    assertThat(h.q().pendingValidatorSet(E).size()).isEqualTo(4);

    // between the decision and E: the old key signs, the new one is refused with its height
    assertThat(transfer(h, h.m(1), h.pk(2)).success()).isTrue();
    TxOutcome early = transfer(h, NEW_KEY, h.pk(2));
    assertThat(early.code()).isEqualTo("key_not_active");
    assertThat(early.detail()).contains("from height " + E);

    h.emptyBlocks((int) (E - 1 - h.height)); // the state after block E - 1
    assertThat(h.q().keyInForce(member)).isEqualTo(NEW_KEY.publicKey());
    // the mempool's check on this state already takes the new key for block E
    var oldCheck = h.app.check(h.tx(h.m(1), new TokenTx.TransferTokens(h.pk(2), 1)), h.state);
    assertThat(oldCheck.reason()).isEqualTo("key_rotated");
    assertThat(h.app.check(h.tx(NEW_KEY, new TokenTx.TransferTokens(h.pk(2), 1)), h.state).isOk())
        .isTrue();
  }

  @Test
  void afterTheActivationHeightTheMemberActsUnderItsLedgerEntryWithTheNewKeyOnly() {
    Harness h = alliance();
    PublicKey member = h.pk(1);
    pass(h, new DaoAction.RotateKey(member, NEW_KEY.publicKey()));
    h.emptyBlocks((int) (E - 1 - h.height));
    long before = h.tokens(1);

    TxOutcome spent = transfer(h, NEW_KEY, h.pk(2)); // block E
    assertThat(h.height).isEqualTo(E);
    assertThat(spent.success()).as(spent.toString()).isTrue();
    assertThat(h.tokens(1)).isEqualTo(before - 1); // the member's own account paid
    assertThat(h.q().account(NEW_KEY.publicKey())).isEqualTo(h.q().account(member));
    assertThat(h.q().member(NEW_KEY.publicKey()).orElseThrow().key()).isEqualTo(member);

    TxOutcome refused = transfer(h, h.m(1), h.pk(2));
    assertThat(refused.code()).isEqualTo("key_rotated");
    assertThat(refused.detail()).contains(NEW_KEY.publicKey().toHex()).contains("" + E);
    assertThat(h.tokens(1)).isEqualTo(before - 1);

    // tokens sent to the member's ledger key still reach it; its stake votes under the new key
    assertThat(transfer(h, h.m(2), member).success()).isTrue();
    assertThat(h.tokens(1)).isEqualTo(before);
    assertThat(propose(h, new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120)).success())
        .isTrue();
    long id = 2;
    assertThat(h.q().proposal(id).orElseThrow().weights()).containsKey(member);
    assertThat(h.one(h.tx(NEW_KEY, new TokenTx.Vote(id, true))).success()).isTrue();
    assertThat(h.q().proposal(id).orElseThrow().votes()).containsKey(member);
    assertThat(h.q().validators().current()).contains(NEW_KEY.publicKey()).doesNotContain(member);
  }

  @Test
  void aMemberThatDoesNotValidateRotatesWithoutAValidatorChange() {
    Harness h = alliance();
    PublicKey member = h.pk(4); // not one of the four genesis validators
    var before = h.q().validators();
    pass(h, new DaoAction.RotateKey(member, NEW_KEY.publicKey()));
    assertThat(h.q().validators()).isEqualTo(before);
    assertThat(h.q().keyRotation(member).orElseThrow().activationHeight()).isEqualTo(E);
    h.emptyBlocks((int) (E - 1 - h.height));
    assertThat(transfer(h, NEW_KEY, h.pk(2)).success()).isTrue();
    assertThat(transfer(h, h.m(4), h.pk(2)).code()).isEqualTo("key_rotated");
  }

  @Test
  void badRotationsAreRefusedWithTheirReason() {
    Harness h = alliance();
    // not a member's ledger key
    assertThat(
            propose(h, new DaoAction.RotateKey(Harness.key(77).publicKey(), NEW_KEY.publicKey()))
                .code())
        .isEqualTo("not_member");
    // the new key is another member's
    assertThat(propose(h, new DaoAction.RotateKey(h.pk(1), h.pk(2))).code())
        .isEqualTo("key_in_use");
    assertThat(propose(h, new DaoAction.RotateKey(h.pk(1), h.pk(1))).code())
        .isEqualTo("key_in_use");
    // the gateway's key
    assertThat(propose(h, new DaoAction.RotateKey(h.pk(1), h.gateway.publicKey())).code())
        .isEqualTo("key_in_use");
    pass(h, new DaoAction.RotateKey(h.pk(1), NEW_KEY.publicKey()));
    // a second rotation while the first is pending; a rotated-to key used again
    assertThat(propose(h, new DaoAction.RotateKey(h.pk(1), Harness.key(51).publicKey())).code())
        .isEqualTo("rotation_pending");
    assertThat(propose(h, new DaoAction.RotateKey(h.pk(3), NEW_KEY.publicKey())).code())
        .isEqualTo("key_in_use");
    // once in force the member may rotate again, and the chain of keys follows
    h.emptyBlocks((int) (E - h.height));
    KeyPair third = Harness.key(51);
    pass(h, new DaoAction.RotateKey(h.pk(1), third.publicKey()));
    long e2 = h.q().keyRotation(h.pk(1)).orElseThrow().activationHeight();
    assertThat(h.q().keyRotation(h.pk(1)).orElseThrow().oldKey()).isEqualTo(NEW_KEY.publicKey());
    assertThat(h.q().pendingValidatorSet(e2).contains(third.publicKey())).isTrue();
    h.emptyBlocks((int) (e2 - 1 - h.height));
    assertThat(transfer(h, third, h.pk(2)).success()).isTrue();
    assertThat(transfer(h, NEW_KEY, h.pk(2)).code()).isEqualTo("key_rotated");
    assertThat(transfer(h, h.m(1), h.pk(2)).code()).isEqualTo("key_rotated");
  }

  @Test
  void theActionRoundTripsThroughItsCodec() {
    DaoAction action = new DaoAction.RotateKey(Harness.key(1).publicKey(), NEW_KEY.publicKey());
    var encoded = org.alliancechain.token.tx.TxCodec.encode(new TokenTx.Propose(action));
    var decoded =
        org.alliancechain.token.tx.TxCodec.decode(
            org.alliancechain.token.tx.TxKind.PROPOSE.code(), encoded);
    assertThat(decoded).isEqualTo(new TokenTx.Propose(action));
    CanonicalWriter w = new CanonicalWriter();
    w.u8(9);
    assertThat(encoded.unsafeArray()[0]).isEqualTo((byte) 9); // wire tag 9
    assertThat(new CanonicalReader(w.toByteArray()).u8("tag")).isEqualTo(9);
  }
}
