package org.alliancechain.cli.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.interp.ContractState;
import org.alliancechain.contracts.interp.ContractStatus;
import org.alliancechain.contracts.sharing.Acceptance;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.SharingCase;
import org.alliancechain.contracts.sharing.SharingCodec;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.Keys;

/**
 * Read-only decoding of the contract engine's records (token's {@code engine/ContractsEngine}
 * layout under {@link Keys#ENGINE_PREFIX}). The engine's codecs are package-private to the token
 * module, so this mirrors {@code CaseCodec} and {@code LiveContract} field by field; the workflow
 * test reads every record back through the API, so a layout change there fails it.
 */
final class EngineState {
  private EngineState() {}

  /** What the engine stores per contract besides its document. */
  record Live(
      String contractId,
      String requestId,
      ContractStatus status,
      List<String> signed,
      List<Integer> verifiedPeriods,
      SortedMap<String, Long> metadata,
      boolean escrowFunded) {}

  private static Bytes key(String prefix, String id) {
    byte[] p = Keys.ENGINE_PREFIX.toByteArray();
    byte[] s = (prefix + id).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[p.length + s.length];
    System.arraycopy(p, 0, out, 0, p.length);
    System.arraycopy(s, 0, out, p.length, s.length);
    return Bytes.wrap(out);
  }

  static Optional<SharingCase> sharingCase(StateReader state, String requestId) {
    return state.get(key("req/", requestId)).map(b -> decodeCase(reader(b)));
  }

  static Optional<String> document(StateReader state, String contractId) {
    return state
        .get(key("doc/", contractId))
        .map(b -> reader(b).string("document", ContractLimits.DOCUMENT_BYTES_MAX));
  }

  static Optional<Live> contract(StateReader state, String contractId) {
    return state.get(key("con/", contractId)).map(b -> decodeLive(reader(b)));
  }

  private static CanonicalReader reader(Bytes b) {
    return new CanonicalReader(b.unsafeArray());
  }

  private static SharingCase decodeCase(CanonicalReader r) {
    int id = ContractLimits.RECORD_ID_BYTES_MAX;
    var request = SharingCodec.decodeRequest(r.bytes("request", ContractLimits.RECORD_BYTES_MAX));
    int n = r.count("offers", ContractLimits.OFFER_COUNT_MAX);
    List<Offer> offers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      offers.add(SharingCodec.decodeOffer(r.bytes("offer", ContractLimits.RECORD_BYTES_MAX)));
    }
    java.util.TreeSet<String> rejected = new java.util.TreeSet<>();
    int m = r.count("rejected", ContractLimits.OFFER_COUNT_MAX);
    for (int i = 0; i < m; i++) {
      rejected.add(r.string("offer id", id));
    }
    List<Acceptance.Accepted> accepted = new ArrayList<>();
    int k = r.count("accepted", ContractLimits.BENEFICIARY_COUNT_MAX);
    for (int i = 0; i < k; i++) {
      accepted.add(new Acceptance.Accepted(r.string("offer id", id), r.u63("share part")));
    }
    SharingCase.Phase phase = Codecs.enumValue(r, SharingCase.Phase.class, "phase");
    Optional<String> contractId =
        r.bool("has contract") ? Optional.of(r.string("contract id", id)) : Optional.empty();
    return new SharingCase(request, offers, rejected, accepted, phase, contractId);
  }

  private static Live decodeLive(CanonicalReader r) {
    String id = r.string("contract id", TokenLimits.CONTRACT_ID_BYTES_MAX);
    String request = r.string("request id", ContractLimits.RECORD_ID_BYTES_MAX);
    ContractState state = Codecs.enumValue(r, ContractState.class, "state");
    int paid = r.u32("installments paid", ContractLimits.INSTALLMENT_COUNT_MAX);
    boolean judged = r.bool("quality judged");
    boolean bonus = r.bool("bonus paid");
    boolean released = r.bool("escrow released");
    String reason = r.string("reason", 64 * 1024);
    ContractStatus status =
        new ContractStatus(
            state,
            paid,
            judged,
            bonus,
            released,
            reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    List<String> signed = new ArrayList<>();
    int n = r.count("signed", ContractLimits.BENEFICIARY_COUNT_MAX + 2);
    for (int i = 0; i < n; i++) {
      signed.add(r.string("signer", ContractLimits.ADDRESS_CHARS_MAX));
    }
    List<Integer> verified = new ArrayList<>();
    int m = r.count("verified", ContractLimits.INSTALLMENT_COUNT_MAX);
    for (int i = 0; i < m; i++) {
      verified.add(r.u32("period", ContractLimits.INSTALLMENT_COUNT_MAX));
    }
    TreeMap<String, Long> metadata = new TreeMap<>();
    int k = r.count("metadata", ContractLimits.QUALITY_REQUIREMENTS_MAX * 4);
    for (int i = 0; i < k; i++) {
      metadata.put(r.string("key", TokenLimits.TEXT_BYTES_MAX), r.u63("value"));
    }
    return new Live(id, request, status, signed, verified, metadata, r.bool("funded"));
  }
}
