package org.alliancechain.contracts.sharing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.interp.ContractState;
import org.alliancechain.contracts.lang.BoundContract;
import org.alliancechain.contracts.lang.ExpressionParser;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.sharing.Outcome.Reason;
import org.alliancechain.contracts.sharing.SharingCase.Phase;
import org.alliancechain.contracts.template.ContractTemplates;
import org.alliancechain.contracts.xml.ContractException;

/**
 * The sharing lifecycle as pure functions over {@link SharingCase} (SPEC M-5, M-11, M-12): the
 * ledger application (module token) calls one per transaction with the block time and stores the
 * result; a refusal changes nothing. No function reads a clock or the ledger beyond its arguments.
 */
public final class SharingLifecycle {
  private SharingLifecycle() {}

  /** The contract parameters the request and offers do not decide. */
  public record DraftTerms(
      long startSeconds,
      long endSeconds,
      int installments,
      long cancellationFee,
      long bonusAmount,
      boolean changeable) {}

  /**
   * A drafted case and its contract, with the document the chain stores and its bound form (both
   * from the template, which checked that the document reads back to the contract).
   */
  public record Drafted(
      SharingCase sharingCase, Contract contract, String document, BoundContract bound) {}

  public static Outcome<SharingCase> open(Request request, long nowSeconds) {
    Optional<String> problem = requestProblem(request);
    if (problem.isPresent()) {
      return Outcome.rejected(Reason.INVALID_REQUEST, problem.get());
    }
    if (request.deadlineSeconds() <= nowSeconds) {
      return Outcome.rejected(
          Reason.DEADLINE_PASSED,
          "deadline " + request.deadlineSeconds() + " is not after block time " + nowSeconds);
    }
    return Outcome.ok(
        new SharingCase(
            request, List.of(), new TreeSet<>(), List.of(), Phase.OPEN, Optional.empty()));
  }

  public static Outcome<SharingCase> offer(SharingCase c, Offer offer, long nowSeconds) {
    if (c.phase() != Phase.OPEN) {
      return Outcome.rejected(
          Reason.WRONG_PHASE, "request " + c.request().id() + " is " + c.phase());
    }
    if (nowSeconds > c.request().deadlineSeconds()) {
      return Outcome.rejected(
          Reason.DEADLINE_PASSED, "offers closed at " + c.request().deadlineSeconds());
    }
    if (!offer.requestId().equals(c.request().id())
        || !fits(offer.id())
        || !fits(offer.provider())
        || !(offer.sealed() ? sealedOfferEmpty(offer) : fits(offer.providerName()))
        || !fitsText(offer.description())
        || !fitsText(offer.profile())
        || offer.expectedReward() < 0) {
      return Outcome.rejected(Reason.INVALID_OFFER, "offer " + offer.id() + " is malformed");
    }
    if (offer.sealed() != c.request().sealed()) {
      return Outcome.rejected(
          Reason.INVALID_OFFER,
          "a sealed request takes sealed offers only, a plaintext one plaintext offers (M-18)");
    }
    if (offer.provider().equals(c.request().requester())) {
      return Outcome.rejected(Reason.SELF_OFFER, "a requester cannot answer its own request");
    }
    boolean duplicate =
        c.offers().stream()
            .anyMatch(o -> o.id().equals(offer.id()) || o.provider().equals(offer.provider()));
    if (duplicate) {
      return Outcome.rejected(Reason.DUPLICATE_OFFER, "one offer per provider and per id");
    }
    if (c.offers().size() >= ContractLimits.OFFER_COUNT_MAX) {
      return Outcome.rejected(Reason.TOO_MANY_OFFERS, "at most " + ContractLimits.OFFER_COUNT_MAX);
    }
    List<Offer> offers = new ArrayList<>(c.offers());
    offers.add(offer);
    return Outcome.ok(
        new SharingCase(
            c.request(), offers, c.rejectedOfferIds(), c.accepted(), c.phase(), c.contractId()));
  }

  public static Outcome<SharingCase> reject(SharingCase c, String by, List<String> offerIds) {
    if (!by.equals(c.request().requester())) {
      return Outcome.rejected(
          Reason.NOT_REQUESTER, by + " did not make request " + c.request().id());
    }
    if (c.phase() != Phase.OPEN) {
      return Outcome.rejected(
          Reason.WRONG_PHASE, "request " + c.request().id() + " is " + c.phase());
    }
    for (String id : offerIds) {
      if (c.offer(id).isEmpty()) {
        return Outcome.rejected(Reason.UNKNOWN_OFFER, "no offer " + id);
      }
    }
    TreeSet<String> rejected = new TreeSet<>(c.rejectedOfferIds());
    rejected.addAll(offerIds);
    return Outcome.ok(
        new SharingCase(
            c.request(), c.offers(), rejected, c.accepted(), c.phase(), c.contractId()));
  }

  public static Outcome<SharingCase> accept(SharingCase c, String by, Acceptance acceptance) {
    if (!by.equals(c.request().requester())) {
      return Outcome.rejected(
          Reason.NOT_REQUESTER, by + " did not make request " + c.request().id());
    }
    if (c.phase() != Phase.OPEN) {
      return Outcome.rejected(
          Reason.WRONG_PHASE, "request " + c.request().id() + " is " + c.phase());
    }
    int count = acceptance.offers().size();
    if (!acceptance.requestId().equals(c.request().id())
        || count == 0
        || count > ContractLimits.BENEFICIARY_COUNT_MAX) {
      return Outcome.rejected(
          Reason.INVALID_OFFER,
          "accept 1 to "
              + ContractLimits.BENEFICIARY_COUNT_MAX
              + " offers of request "
              + c.request().id());
    }
    if (c.request().mode() == AllianceMode.COMPETITIVE && count != 1) {
      return Outcome.rejected(
          Reason.COMPETITIVE_SINGLE_PROVIDER,
          "a competitive request is shared point to point with exactly one provider");
    }
    Set<String> seen = new TreeSet<>();
    for (Acceptance.Accepted accepted : acceptance.offers()) {
      if (c.offer(accepted.offerId()).isEmpty() || !seen.add(accepted.offerId())) {
        return Outcome.rejected(
            Reason.UNKNOWN_OFFER, "no (or repeated) offer " + accepted.offerId());
      }
      if (c.rejectedOfferIds().contains(accepted.offerId())) {
        return Outcome.rejected(
            Reason.OFFER_REJECTED, "offer " + accepted.offerId() + " was rejected");
      }
      if (accepted.sharePart() < 1 || accepted.sharePart() > 1_000_000_000L) {
        return Outcome.rejected(Reason.INVALID_OFFER, "share parts are 1 to 1000000000");
      }
    }
    return Outcome.ok(
        new SharingCase(
            c.request(),
            c.offers(),
            c.rejectedOfferIds(),
            acceptance.offers(),
            Phase.ACCEPTED,
            c.contractId()));
  }

  /**
   * Drafts the contract from the standardized (cooperative) or diversified (competitive) template.
   * The reward is the request's; a MONEY request's quantity is the escrow. {@code contractIdTaken}
   * is the ledger's view of existing contract ids: a second contract with an existing id is
   * refused.
   */
  public static Outcome<Drafted> draft(
      SharingCase c,
      String contractId,
      DraftTerms terms,
      Predicate<String> contractIdTaken,
      AddressRule addressRule) {
    if (c.phase() != Phase.ACCEPTED) {
      return Outcome.rejected(
          Reason.WRONG_PHASE, "request " + c.request().id() + " is " + c.phase());
    }
    if (contractIdTaken.test(contractId)) {
      return Outcome.rejected(
          Reason.DUPLICATE_CONTRACT_ID,
          "contract_id " + contractId + " already exists on the ledger");
    }
    List<ContractTemplates.PartyRef> providers = new ArrayList<>();
    List<Long> parts = new ArrayList<>();
    Request request = c.request();
    for (Acceptance.Accepted accepted : c.accepted()) {
      Offer offer = c.offer(accepted.offerId()).orElseThrow();
      providers.add(
          new ContractTemplates.PartyRef(
              partyName(request, offer.providerName(), "Provider"), offer.provider()));
      parts.add(accepted.sharePart());
    }
    ContractTemplates.PartyRef receiver =
        new ContractTemplates.PartyRef(
            partyName(request, request.requesterName(), "Receiver"), request.requester());
    ContractTemplates.Terms contractTerms =
        new ContractTemplates.Terms(
            request.reward(),
            terms.startSeconds(),
            terms.endSeconds(),
            terms.installments(),
            terms.cancellationFee(),
            request.type().monetary() ? OptionalLong.of(request.quantity()) : OptionalLong.empty());
    ContractTemplates.Instance contract;
    try {
      contract =
          request.mode() == AllianceMode.COOPERATIVE
              ? ContractTemplates.standardizedInstance(
                  new ContractTemplates.Standardized(
                      contractId, providers, parts, receiver, contractTerms),
                  addressRule)
              : ContractTemplates.diversifiedInstance(
                  new ContractTemplates.Diversified(
                      contractId,
                      providers,
                      parts,
                      receiver,
                      contractTerms,
                      request.quality().stream()
                          .map(q -> new ContractTemplates.QualityRule(q.function(), q.bound()))
                          .toList(),
                      terms.bonusAmount(),
                      terms.changeable()),
                  addressRule);
    } catch (ContractException e) {
      return Outcome.rejected(Reason.INVALID_CONTRACT, e.getMessage());
    }
    SharingCase drafted =
        new SharingCase(
            request,
            c.offers(),
            c.rejectedOfferIds(),
            c.accepted(),
            Phase.CONTRACT_DRAFTED,
            Optional.of(contractId));
    return Outcome.ok(
        new Drafted(drafted, contract.contract(), contract.document(), contract.bound()));
  }

  /**
   * Competitive contracts name their parties by role, as the paper's Listing 2 does ({@code
   * Provider (address_1)}, {@code Receiver (address_2)}): the names are in the private records
   * (SPEC M-18), and so the contract drafted from the sealed records on chain is the one drafted
   * from the plaintext records the parties' nodes hold. The addresses are the records' signers.
   */
  private static String partyName(Request request, String recordName, String role) {
    return request.mode() == AllianceMode.COMPETITIVE ? role : recordName;
  }

  /** Mirrors the contract's state once it exists (the interpreter decides it). */
  public static Outcome<SharingCase> onContractState(SharingCase c, ContractState state) {
    if (c.contractId().isEmpty()) {
      return Outcome.rejected(
          Reason.WRONG_PHASE, "request " + c.request().id() + " has no contract");
    }
    Phase next =
        switch (state) {
          case DRAFTED -> Phase.CONTRACT_DRAFTED;
          case SIGNED -> Phase.SIGNED;
          case ACTIVE -> Phase.ACTIVE;
          case FULFILLED -> Phase.FULFILLED;
          case CANCELLED -> Phase.CANCELLED;
          case ESCALATED -> Phase.ESCALATED;
        };
    return Outcome.ok(c.with(next));
  }

  /** An open request whose deadline passed with nothing accepted. */
  public static Outcome<SharingCase> expire(SharingCase c, long nowSeconds) {
    if (c.phase() != Phase.OPEN || nowSeconds <= c.request().deadlineSeconds()) {
      return Outcome.rejected(
          Reason.WRONG_PHASE,
          "request "
              + c.request().id()
              + " is "
              + c.phase()
              + " with deadline "
              + c.request().deadlineSeconds());
    }
    return Outcome.ok(c.with(Phase.EXPIRED));
  }

  public static Outcome<SharingCase> withdraw(SharingCase c, String by) {
    if (!by.equals(c.request().requester())) {
      return Outcome.rejected(
          Reason.NOT_REQUESTER, by + " did not make request " + c.request().id());
    }
    if (c.phase() != Phase.OPEN && c.phase() != Phase.ACCEPTED) {
      return Outcome.rejected(
          Reason.WRONG_PHASE, "request " + c.request().id() + " is " + c.phase());
    }
    return Outcome.ok(c.with(Phase.WITHDRAWN));
  }

  /** A sealed offer carries nothing private (SPEC M-18). */
  private static boolean sealedOfferEmpty(Offer o) {
    return o.providerName().isEmpty()
        && o.description().isEmpty()
        && o.profile().isEmpty()
        && o.expectedReward() == 0;
  }

  private static Optional<String> requestProblem(Request r) {
    if (r.sealed()
        && (r.mode() != AllianceMode.COMPETITIVE
            || !r.requesterName().isEmpty()
            || !r.description().isEmpty())) {
      return Optional.of(
          "a sealed request is competitive and carries no requester name or description");
    }
    if (!fits(r.id()) || !fits(r.requester()) || !(r.sealed() || fits(r.requesterName()))) {
      return Optional.of(
          "id, requester and requester name are 1 to "
              + ContractLimits.RECORD_ID_BYTES_MAX
              + " bytes");
    }
    if (!fitsText(r.description()) || r.quantity() < 1 || r.reward() < 0) {
      return Optional.of(
          "a description within "
              + ContractLimits.DESCRIPTION_BYTES_MAX
              + " bytes, a positive quantity and a non-negative reward");
    }
    if ((r.mode() == AllianceMode.COMPETITIVE) != r.broadcast().isPresent()) {
      return Optional.of("a broadcast option on competitive requests and none on cooperative ones");
    }
    if (r.quality().size() > ContractLimits.QUALITY_REQUIREMENTS_MAX) {
      return Optional.of(
          "at most " + ContractLimits.QUALITY_REQUIREMENTS_MAX + " quality requirements");
    }
    for (QualityRequirement q : r.quality()) {
      if (!ExpressionParser.isIdentifier(q.function()) || q.bound() < 0) {
        return Optional.of("quality requirements as function names with non-negative bounds");
      }
    }
    if (r.mode() == AllianceMode.COOPERATIVE && !r.quality().isEmpty()) {
      return Optional.of(
          "quality requirements only in competitive mode (standardized contracts"
              + " have none, SPEC M-13)");
    }
    return Optional.empty();
  }

  private static boolean fits(String value) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    return bytes >= 1 && bytes <= ContractLimits.RECORD_ID_BYTES_MAX;
  }

  private static boolean fitsText(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length <= ContractLimits.DESCRIPTION_BYTES_MAX;
  }
}
