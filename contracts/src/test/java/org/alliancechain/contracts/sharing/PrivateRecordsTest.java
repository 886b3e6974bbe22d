package org.alliancechain.contracts.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alliancechain.contracts.lang.ContractPrinter;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.sharing.PrivateRecords.MismatchException;
import org.alliancechain.contracts.sharing.PrivateRecords.Opening;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.hash.Sha256;
import org.junit.jupiter.api.Test;

// SPEC M-18: in competitive mode only hashes of private records (addresses, profiles) go on chain.
class PrivateRecordsTest {
  private static final Bytes SALT = salt(1);

  private static Bytes salt(int seed) {
    byte[] b = new byte[PrivateRecords.SALT_BYTES];
    new SplittableRandom(seed).nextBytes(b);
    return Bytes.wrap(b);
  }

  private static Request request() {
    return new Request(
        "r-1",
        AllianceMode.COMPETITIVE,
        "ac1requester",
        "Orion Labs",
        ResourceType.KNOWLEDGE,
        "patents on solid-state batteries",
        1,
        List.of(new QualityRequirement("patent_value", 1000)),
        300,
        5_000,
        Optional.of(BroadcastOption.PRIVATE));
  }

  private static Offer offer() {
    return new Offer(
        "o-1", "r-1", "ac1provider", "Pulsar", "12 patents", "iso-9001 since 2010", 280);
  }

  @Test
  void commitmentIsSha256OfTheDomainTheRecordAndTheSalt() {
    // computed independently of PrivateRecords: SHA-256 over the canonical triple
    byte[] record = SharingCodec.encode(request());
    byte[] expected =
        new CanonicalWriter()
            .string("alliancechain/private-record/v1")
            .bytes(record)
            .bytes(SALT.unsafeArray())
            .toByteArray();
    assertThat(PrivateRecords.seal(request(), SALT).commitment()).contains(Sha256.hash(expected));
  }

  @Test
  void theSaltChangesTheCommitmentSoAGuessedRecordDoesNotMatch() {
    var a = PrivateRecords.seal(request(), salt(1)).commitment();
    var b = PrivateRecords.seal(request(), salt(2)).commitment();
    assertThat(a).isNotEqualTo(b);
    // an attacker who guesses the whole record but not the salt cannot confirm it
    assertThat(a).isNotEqualTo(Optional.of(Sha256.hash(SharingCodec.encode(request()))));
  }

  @Test
  void sealedRecordsCarryNoPrivateFieldAndRoundTripThroughTheCodec() {
    Request sealed = PrivateRecords.seal(request(), SALT);
    byte[] bytes = SharingCodec.encode(sealed);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("patents").doesNotContain("Orion").doesNotContain("ac1req");
    assertThat(SharingCodec.decodeRequest(bytes)).isEqualTo(sealed);
    Offer sealedOffer = PrivateRecords.seal(offer(), SALT);
    byte[] offerBytes = SharingCodec.encode(sealedOffer);
    assertThat(new String(offerBytes, StandardCharsets.ISO_8859_1))
        .doesNotContain("Pulsar")
        .doesNotContain("iso-9001")
        .doesNotContain("ac1prov");
    assertThat(SharingCodec.decodeOffer(offerBytes)).isEqualTo(sealedOffer);
    // the ledger fills in the signer; the state's copy round-trips too
    Request stored = sealed.withRequester("ac1requester");
    assertThat(SharingCodec.decodeRequest(SharingCodec.encode(stored))).isEqualTo(stored);
  }

  @Test
  void theOpeningOpensTheRecordOnChain() throws Exception {
    Request onChain = PrivateRecords.seal(request(), SALT).withRequester("ac1requester");
    Opening opening = Opening.decode(PrivateRecords.opening(request(), SALT).encode());
    assertThat(PrivateRecords.openRequest(onChain, opening)).isEqualTo(request());
    Offer offerOnChain = PrivateRecords.seal(offer(), SALT).withProvider("ac1provider");
    assertThat(PrivateRecords.openOffer(offerOnChain, PrivateRecords.opening(offer(), SALT)))
        .isEqualTo(offer());
  }

  @Test
  void aRecordNotMatchingItsHashIsRefused() {
    Request onChain = PrivateRecords.seal(request(), SALT).withRequester("ac1requester");
    Request altered =
        new Request(
            "r-1",
            AllianceMode.COMPETITIVE,
            "ac1requester",
            "Orion Labs",
            ResourceType.KNOWLEDGE,
            "patents on anything",
            1,
            List.of(new QualityRequirement("patent_value", 1000)),
            300,
            5_000,
            Optional.of(BroadcastOption.PRIVATE));
    assertThatThrownBy(
            () -> PrivateRecords.openRequest(onChain, PrivateRecords.opening(altered, SALT)))
        .isInstanceOfSatisfying(
            MismatchException.class,
            e -> assertThat(e.reason()).isEqualTo(MismatchException.Reason.HASH_MISMATCH));
    assertThatThrownBy(
            () -> PrivateRecords.openRequest(onChain, PrivateRecords.opening(request(), salt(9))))
        .isInstanceOfSatisfying(
            MismatchException.class,
            e -> assertThat(e.reason()).isEqualTo(MismatchException.Reason.HASH_MISMATCH));
  }

  @Test
  void aRecordThatHashesRightButIsAnotherMembersIsRefused() {
    // the same record signed by someone else: the commitment matches, the signer does not
    Request onChain = PrivateRecords.seal(request(), SALT).withRequester("ac1someoneelse");
    assertThatThrownBy(
            () -> PrivateRecords.openRequest(onChain, PrivateRecords.opening(request(), SALT)))
        .isInstanceOfSatisfying(
            MismatchException.class,
            e -> assertThat(e.reason()).isEqualTo(MismatchException.Reason.FIELDS_MISMATCH));
  }

  @Test
  void theContractDraftedFromTheSealedRecordsIsTheOneDraftedFromThePrivateRecords() {
    // the diversified template is fed the same parties and terms either way
    var terms = new SharingLifecycle.DraftTerms(1_000, 2_000, 1, 10, 30, false);
    var accept = new Acceptance("r-1", List.of(new Acceptance.Accepted("o-1", 1)));
    SharingCase full = SharingLifecycle.open(request(), 100).orElseThrow();
    full = SharingLifecycle.offer(full, offer(), 200).orElseThrow();
    full = SharingLifecycle.accept(full, "ac1requester", accept).orElseThrow();
    SharingCase sealed =
        SharingLifecycle.open(
                PrivateRecords.seal(request(), SALT).withRequester("ac1requester"), 100)
            .orElseThrow();
    sealed =
        SharingLifecycle.offer(
                sealed, PrivateRecords.seal(offer(), SALT).withProvider("ac1provider"), 200)
            .orElseThrow();
    sealed = SharingLifecycle.accept(sealed, "ac1requester", accept).orElseThrow();
    var fromFull =
        SharingLifecycle.draft(full, "c-1", terms, id -> false, AddressRule.DEFAULT).orElseThrow();
    var fromSealed =
        SharingLifecycle.draft(sealed, "c-1", terms, id -> false, AddressRule.DEFAULT)
            .orElseThrow();
    assertThat(ContractPrinter.print(fromSealed.contract()))
        .isEqualTo(ContractPrinter.print(fromFull.contract()))
        .contains("Provider (address_1)")
        .contains("ac1provider");
  }

  @Test
  void aSealedRequestTakesOnlySealedOffers() {
    SharingCase sealed =
        SharingLifecycle.open(
                PrivateRecords.seal(request(), SALT).withRequester("ac1requester"), 100)
            .orElseThrow();
    assertThat(SharingLifecycle.offer(sealed, offer(), 200)).isInstanceOf(Outcome.Rejected.class);
  }
}
