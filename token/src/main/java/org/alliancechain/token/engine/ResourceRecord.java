package org.alliancechain.token.engine;

import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.hash.Hash;

/**
 * An off-chain resource bound to installment {@code period} of a contract (SPEC M-18): what the
 * receiver's node must fetch from {@code provider}'s node and check before acknowledging. Only the
 * hash and size are on chain; the bytes stay on the members' nodes.
 */
public record ResourceRecord(
    String contractId,
    int period,
    Hash hash,
    long sizeBytes,
    boolean encrypted,
    String provider,
    long boundHeight) {

  void encode(CanonicalWriter w) {
    w.string(contractId).u32(period).hash(hash).u63(sizeBytes).bool(encrypted);
    w.string(provider).u63(boundHeight);
  }

  static ResourceRecord decode(CanonicalReader r) {
    return new ResourceRecord(
        r.string("contract id", org.alliancechain.token.TokenLimits.CONTRACT_ID_BYTES_MAX),
        r.u32("period", ContractLimits.INSTALLMENT_COUNT_MAX),
        r.hash("hash"),
        r.u63("size"),
        r.bool("encrypted"),
        r.string("provider", ContractLimits.ADDRESS_CHARS_MAX),
        r.u63("bound height"));
  }
}
