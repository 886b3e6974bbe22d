package org.alliancechain.token.committee;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.issuance.ProviderShare;
import org.alliancechain.token.state.Codecs;

/**
 * A regulatory committee case (SPEC M-24). The decision is an award in per mille of {@code
 * baseAmount}, split among {@code recipients} by share. {@code precedentKind} is non-empty for
 * quality cases, whose decision becomes a precedent.
 */
public record CommitteeCase(
    long id,
    Kind kind,
    String contractId,
    String precedentKind,
    String reason,
    List<ProviderShare> recipients,
    long baseAmount,
    long openedHeight,
    TreeMap<PublicKey, Integer> votes,
    boolean decided,
    int awardPerMille) {

  /** The ordinal is the wire code: only append. */
  public enum Kind {
    /** A member's support request (the rule's first branch). */
    SUPPORT,
    /** A quality rule the system could not evaluate (second branch, M-20). */
    UNDECIDABLE_QUALITY,
    /** A contract the system could not interpret at all (second branch). */
    UNINTERPRETABLE
  }

  public CommitteeCase {
    recipients = List.copyOf(recipients);
    votes = new TreeMap<>(votes);
  }

  public CommitteeCase withVote(PublicKey member, int perMille) {
    TreeMap<PublicKey, Integer> v = new TreeMap<>(votes);
    v.put(member, perMille);
    return new CommitteeCase(
        id,
        kind,
        contractId,
        precedentKind,
        reason,
        recipients,
        baseAmount,
        openedHeight,
        v,
        decided,
        awardPerMille);
  }

  public CommitteeCase decide(int perMille) {
    return new CommitteeCase(
        id,
        kind,
        contractId,
        precedentKind,
        reason,
        recipients,
        baseAmount,
        openedHeight,
        votes,
        true,
        perMille);
  }

  public void encode(CanonicalWriter w) {
    w.u63(id).u8(Codecs.code(kind)).string(contractId).string(precedentKind).string(reason);
    Codecs.list(w, recipients, (out, p) -> p.encode(out));
    w.u63(baseAmount).u63(openedHeight).count(votes.size());
    for (Map.Entry<PublicKey, Integer> e : votes.entrySet()) {
      e.getKey().encode(w);
      w.u16(e.getValue());
    }
    w.bool(decided).u16(awardPerMille);
  }

  public static CommitteeCase decode(CanonicalReader r) {
    long id = r.u63("case id");
    Kind kind = Codecs.enumValue(r, Kind.class, "case kind");
    String contractId = r.string("contract id", TokenLimits.CONTRACT_ID_BYTES_MAX);
    String precedentKind = r.string("precedent kind", TokenLimits.TEXT_BYTES_MAX);
    String reason = r.string("reason", TokenLimits.TEXT_BYTES_MAX);
    List<ProviderShare> recipients =
        Codecs.list(r, "recipients", TokenLimits.PROVIDERS_PER_CONTRACT_MAX, ProviderShare::decode);
    long base = r.u63("base amount");
    long opened = r.u63("opened height");
    int n = r.count("votes", TokenLimits.MEMBERS_MAX);
    TreeMap<PublicKey, Integer> votes = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      votes.put(PublicKey.decode(r, "voter"), r.u16("vote"));
    }
    return new CommitteeCase(
        id,
        kind,
        contractId,
        precedentKind,
        reason,
        recipients,
        base,
        opened,
        votes,
        r.bool("decided"),
        r.u16("award"));
  }
}
