package org.alliancechain.token.issuance;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;

/**
 * What the ledger knows of a contract from the engine's effects: its parties and the facts the
 * regulatory inference rule (SPEC M-24) reads. {@code issuedByProvider} runs parallel to {@code
 * providers}.
 */
public record ContractFacts(
    String contractId,
    PublicKey receiver,
    List<ProviderShare> providers,
    long tokenAmount,
    boolean monetary,
    String resourceType,
    boolean verified,
    boolean executed,
    boolean cancelled,
    boolean caseOpened,
    List<Long> issuedByProvider) {

  public ContractFacts {
    providers = List.copyOf(providers);
    issuedByProvider = List.copyOf(issuedByProvider);
  }

  public static ContractFacts registered(ContractEffect.Registered e) {
    List<Long> zeros = new ArrayList<>();
    for (int i = 0; i < e.providers().size(); i++) {
      zeros.add(0L);
    }
    return new ContractFacts(
        e.contractId(),
        e.receiver(),
        e.providers(),
        e.tokenAmount(),
        e.monetary(),
        e.resourceType(),
        false,
        false,
        false,
        false,
        zeros);
  }

  public int providerIndex(PublicKey key) {
    for (int i = 0; i < providers.size(); i++) {
      if (providers.get(i).provider().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  public boolean isParty(PublicKey key) {
    return receiver.equals(key) || providerIndex(key) >= 0;
  }

  public long tokensIssued() {
    long sum = 0;
    for (long issued : issuedByProvider) {
      sum = Math.addExact(sum, issued);
    }
    return sum;
  }

  public ContractFacts withVerified() {
    return new ContractFacts(
        contractId,
        receiver,
        providers,
        tokenAmount,
        monetary,
        resourceType,
        true,
        executed,
        cancelled,
        caseOpened,
        issuedByProvider);
  }

  public ContractFacts withExecuted() {
    return new ContractFacts(
        contractId,
        receiver,
        providers,
        tokenAmount,
        monetary,
        resourceType,
        verified,
        true,
        cancelled,
        caseOpened,
        issuedByProvider);
  }

  public ContractFacts withCancelled() {
    return new ContractFacts(
        contractId,
        receiver,
        providers,
        tokenAmount,
        monetary,
        resourceType,
        verified,
        executed,
        true,
        caseOpened,
        issuedByProvider);
  }

  public ContractFacts withCaseOpened() {
    return new ContractFacts(
        contractId,
        receiver,
        providers,
        tokenAmount,
        monetary,
        resourceType,
        verified,
        executed,
        cancelled,
        true,
        issuedByProvider);
  }

  public ContractFacts withIssued(int providerIndex, long amount) {
    List<Long> issued = new ArrayList<>(issuedByProvider);
    issued.set(providerIndex, Math.addExact(issued.get(providerIndex), amount));
    return new ContractFacts(
        contractId,
        receiver,
        providers,
        tokenAmount,
        monetary,
        resourceType,
        verified,
        executed,
        cancelled,
        caseOpened,
        issued);
  }

  public void encode(CanonicalWriter w) {
    w.string(contractId);
    receiver.encode(w);
    Codecs.list(w, providers, (out, p) -> p.encode(out));
    w.u63(tokenAmount).bool(monetary).string(resourceType);
    w.bool(verified).bool(executed).bool(cancelled).bool(caseOpened);
    Codecs.list(w, issuedByProvider, CanonicalWriter::u63);
  }

  public static ContractFacts decode(CanonicalReader r) {
    return new ContractFacts(
        r.string("contract id", TokenLimits.CONTRACT_ID_BYTES_MAX),
        PublicKey.decode(r, "receiver"),
        Codecs.list(r, "providers", TokenLimits.PROVIDERS_PER_CONTRACT_MAX, ProviderShare::decode),
        r.u63("token amount"),
        r.bool("monetary"),
        r.string("resource type", TokenLimits.TEXT_BYTES_MAX),
        r.bool("verified"),
        r.bool("executed"),
        r.bool("cancelled"),
        r.bool("case opened"),
        Codecs.list(r, "issued", TokenLimits.PROVIDERS_PER_CONTRACT_MAX, x -> x.u63("issued")));
  }
}
