package org.alliancechain.token.engine;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.interp.ContractState;
import org.alliancechain.contracts.interp.ContractStatus;
import org.alliancechain.contracts.interp.Facts;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;

/**
 * What the engine stores per contract besides its document: the interpreter's status and the facts
 * it reads (who signed, which periods were verified, the resource's metadata), the request it came
 * from, and whether the escrow was funded.
 */
record LiveContract(
    String contractId,
    String requestId,
    ContractStatus status,
    SortedSet<String> signed,
    SortedSet<Integer> verifiedPeriods,
    SortedMap<String, Long> metadata,
    boolean escrowFunded) {

  LiveContract {
    signed = new TreeSet<>(signed);
    verifiedPeriods = new TreeSet<>(verifiedPeriods);
    metadata = new TreeMap<>(metadata);
  }

  Facts facts(long height, long timeSeconds) {
    return new Facts(signed, verifiedPeriods, metadata, height, timeSeconds);
  }

  LiveContract with(ContractStatus next) {
    return new LiveContract(
        contractId, requestId, next, signed, verifiedPeriods, metadata, escrowFunded);
  }

  LiveContract signedBy(String address, boolean funded) {
    TreeSet<String> s = new TreeSet<>(signed);
    s.add(address);
    return new LiveContract(contractId, requestId, status, s, verifiedPeriods, metadata, funded);
  }

  LiveContract verified(int period, Map<String, Long> more) {
    TreeSet<Integer> v = new TreeSet<>(verifiedPeriods);
    v.add(period);
    TreeMap<String, Long> m = new TreeMap<>(metadata);
    m.putAll(more);
    return new LiveContract(contractId, requestId, status, signed, v, m, escrowFunded);
  }

  void encode(CanonicalWriter w) {
    w.string(contractId).string(requestId);
    w.u8(Codecs.code(status.state())).u32(status.installmentsPaid());
    w.bool(status.qualityJudged()).bool(status.bonusPaid()).bool(status.escrowReleased());
    w.string(status.reason().orElse(""));
    w.count(signed.size());
    signed.forEach(w::string);
    w.count(verifiedPeriods.size());
    verifiedPeriods.forEach(w::u32);
    w.count(metadata.size());
    metadata.forEach((k, v) -> w.string(k).u63(v));
    w.bool(escrowFunded);
  }

  static LiveContract decode(CanonicalReader r) {
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
    TreeSet<String> signed = new TreeSet<>();
    int n = r.count("signed", ContractLimits.BENEFICIARY_COUNT_MAX + 2);
    for (int i = 0; i < n; i++) {
      signed.add(r.string("signer", ContractLimits.ADDRESS_CHARS_MAX));
    }
    TreeSet<Integer> verified = new TreeSet<>();
    int m = r.count("verified", ContractLimits.INSTALLMENT_COUNT_MAX);
    for (int i = 0; i < m; i++) {
      verified.add(r.u32("period", ContractLimits.INSTALLMENT_COUNT_MAX));
    }
    TreeMap<String, Long> metadata = new TreeMap<>();
    int k = r.count("metadata", ContractLimits.QUALITY_REQUIREMENTS_MAX * 4);
    for (int i = 0; i < k; i++) {
      metadata.put(r.string("key", TokenLimits.TEXT_BYTES_MAX), r.u63("value"));
    }
    return new LiveContract(id, request, status, signed, verified, metadata, r.bool("funded"));
  }
}
