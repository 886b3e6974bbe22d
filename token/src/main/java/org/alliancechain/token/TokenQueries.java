package org.alliancechain.token;

import java.util.List;
import java.util.Optional;
import org.alliancechain.contracts.trust.TrustParameters;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.token.committee.CommitteeCase;
import org.alliancechain.token.committee.Precedents;
import org.alliancechain.token.dao.Proposal;
import org.alliancechain.token.issuance.ContractFacts;
import org.alliancechain.token.issuance.Issued;
import org.alliancechain.token.report.AmeliorationReport;
import org.alliancechain.token.state.Account;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.Endpoint;
import org.alliancechain.token.state.KeyRotation;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.Member;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.state.Store;
import org.alliancechain.token.state.Supply;
import org.alliancechain.token.state.ValidatorState;
import org.alliancechain.token.value.SwapOfferState;

/** Read-only views of the ledger for the API, the CLI and the consensus hook. */
public final class TokenQueries {
  private final Ledger ledger;

  public TokenQueries(StateReader state) {
    this.ledger = new Ledger(Store.readOnly(state));
  }

  /** The account of the member {@code key} signs for (a rotated-to key finds its member's). */
  public Account account(PublicKey key) {
    return ledger.account(ledger.memberOf(key));
  }

  /** Stake (PoS, M-21) at a height: see {@link Account}. */
  public long stake(PublicKey key, long height) {
    return ledger
        .account(ledger.memberOf(key))
        .stakeAt(height, ledger.param(ParamId.STAKE_AGE_CAP_BLOCKS));
  }

  /** The member {@code key} signs for: its ledger key or a key the DAO rotated it to. */
  public Optional<Member> member(PublicKey key) {
    return ledger.member(ledger.memberOf(key));
  }

  /** Issue #4: the ledger key of the member {@code key} signs for ({@code key} itself if none). */
  public PublicKey memberOf(PublicKey key) {
    return ledger.memberOf(key);
  }

  /** Issue #4: the key that signs for the member (its node key) on this state. */
  public PublicKey keyInForce(PublicKey member) {
    return ledger.keyInForce(member);
  }

  /** Issue #4: the member's latest key rotation, in force or scheduled. */
  public Optional<KeyRotation> keyRotation(PublicKey member) {
    return ledger.keyRotation(member);
  }

  /** Issue #4: members whose key rotation is decided and not in force yet. */
  public List<PublicKey> pendingRotations() {
    return ledger.pendingRotations();
  }

  public List<PublicKey> activeMembers() {
    return ledger.activeMembers();
  }

  public List<PublicKey> committee() {
    return ledger.committee();
  }

  public Parameters params() {
    return ledger.params();
  }

  public Supply supply() {
    return ledger.supply();
  }

  public AllianceMode mode() {
    return ledger.mode();
  }

  /**
   * The validator set that certifies blocks at {@code height}, as this state knows it: exact for
   * every height up to this state's height plus the consensus window plus one, since a change
   * decided later takes effect later (the rule is {@code ValidatorChange.activationHeight}).
   */
  public ValidatorSet pendingValidatorSet(long height) {
    return ledger.validators().effectiveAt(height);
  }

  /** Where a member the DAO admitted listens, if the proposal said. */
  public Optional<Endpoint> endpoint(PublicKey key) {
    return ledger.endpoint(key);
  }

  /** The validator set record itself: the set in force and the scheduled changes. */
  public ValidatorState validators() {
    return ledger.validators();
  }

  /**
   * The DAO's trust coefficients (M-9) for the contracts module's trust value; the prior for a
   * ratio without history is 0.5.
   */
  public TrustParameters trustParameters() {
    Parameters p = ledger.params();
    return new TrustParameters(
        p.get(ParamId.TRUST_ALPHA_PPM),
        p.get(ParamId.TRUST_BETA_PPM),
        p.get(ParamId.TRUST_GAMMA_PPM),
        p.get(ParamId.TRUST_THRESHOLD_PPM),
        TokenLimits.PPM / 2);
  }

  public Optional<Proposal> proposal(long id) {
    return ledger.store().get(Keys.proposal(id), Proposal::decode);
  }

  public Optional<CommitteeCase> committeeCase(long id) {
    return ledger.store().get(Keys.committeeCase(id), CommitteeCase::decode);
  }

  public Optional<Integer> precedent(String caseKind) {
    return new Precedents(ledger.store()).awardPerMille(caseKind);
  }

  public Optional<ContractFacts> contract(String id) {
    return ledger.store().get(Keys.contract(id), ContractFacts::decode);
  }

  public Optional<SwapOfferState> swapOffer(Hash id) {
    return ledger.store().get(Keys.swap(id), SwapOfferState::decode);
  }

  public long escrowed(String contractId) {
    return ledger.store().get(Keys.escrow(contractId), r -> r.u63("escrow")).orElse(0L);
  }

  /** What the TCA issued at the end of block {@code height} (M-19: visible to every member). */
  public List<Issued> issuedAt(long height) {
    return ledger
        .store()
        .get(
            Keys.issuanceLog(height),
            r ->
                Codecs.list(
                    r, "issued", TokenLimits.PENDING_ISSUANCES_PER_BLOCK_MAX * 2, Issued::decode))
        .orElse(List.of());
  }

  public Optional<AmeliorationReport> latestReport() {
    return ledger.store().get(Keys.REPORT, AmeliorationReport::decode);
  }
}
