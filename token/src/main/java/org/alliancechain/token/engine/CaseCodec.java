package org.alliancechain.token.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.sharing.Acceptance;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.SharingCase;
import org.alliancechain.contracts.sharing.SharingCodec;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.token.state.Codecs;

/** Stores a {@link SharingCase} canonically, its records in the contracts module's encoding. */
final class CaseCodec {
  private CaseCodec() {}

  private static final int ID = ContractLimits.RECORD_ID_BYTES_MAX;

  static void encode(CanonicalWriter w, SharingCase c) {
    w.bytes(SharingCodec.encode(c.request()));
    w.count(c.offers().size());
    for (Offer o : c.offers()) {
      w.bytes(SharingCodec.encode(o));
    }
    w.count(c.rejectedOfferIds().size());
    c.rejectedOfferIds().forEach(w::string);
    w.count(c.accepted().size());
    for (Acceptance.Accepted a : c.accepted()) {
      w.string(a.offerId()).u63(a.sharePart());
    }
    w.u8(Codecs.code(c.phase())).bool(c.contractId().isPresent());
    c.contractId().ifPresent(w::string);
  }

  static SharingCase decode(CanonicalReader r) {
    var request = SharingCodec.decodeRequest(r.bytes("request", ContractLimits.RECORD_BYTES_MAX));
    int n = r.count("offers", ContractLimits.OFFER_COUNT_MAX);
    List<Offer> offers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      offers.add(SharingCodec.decodeOffer(r.bytes("offer", ContractLimits.RECORD_BYTES_MAX)));
    }
    TreeSet<String> rejected = new TreeSet<>();
    int m = r.count("rejected", ContractLimits.OFFER_COUNT_MAX);
    for (int i = 0; i < m; i++) {
      rejected.add(r.string("offer id", ID));
    }
    List<Acceptance.Accepted> accepted = new ArrayList<>();
    int k = r.count("accepted", ContractLimits.BENEFICIARY_COUNT_MAX);
    for (int i = 0; i < k; i++) {
      accepted.add(new Acceptance.Accepted(r.string("offer id", ID), r.u63("share part")));
    }
    SharingCase.Phase phase = Codecs.enumValue(r, SharingCase.Phase.class, "phase");
    Optional<String> contractId =
        r.bool("has contract") ? Optional.of(r.string("contract id", ID)) : Optional.empty();
    return new SharingCase(request, offers, rejected, accepted, phase, contractId);
  }
}
