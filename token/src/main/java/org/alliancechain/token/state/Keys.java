package org.alliancechain.token.state;

import java.nio.charset.StandardCharsets;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;

/**
 * The application's state layout. Every key is an ASCII prefix ending in '/' followed by a
 * fixed-width or length-bounded suffix; no prefix is a prefix of another, so keys never collide.
 * The state interface has no range scan, so the few sets the ledger iterates (accounts, open
 * proposals, due proposals, pending issuance) are kept as explicit sorted lists under one key.
 *
 * <pre>
 * g/mode             alliance mode and gateway key          (Genesis record)
 * g/params           DAO parameters                         (Parameters)
 * g/supply           issued, burned, deposited, withdrawn, escrowed totals (Supply)
 * g/accounts         sorted keys of every account ever opened (members + gateway)
 * g/committee        sorted committee member keys
 * g/validators       current and pending validator set      (ValidatorState)
 * g/counters         next proposal id, next case id, open proposals
 * g/rotations        sorted keys of members whose key rotation is not in force yet
 * acct/{key32}       Account: tokens, money, coin age, contribution record
 * memb/{key32}       Member: name, roles, status
 * endp/{key32}       Endpoint of a member the DAO admitted (host, peer port, API port)
 * krot/{key32}       KeyRotation: a member's latest key rotation (by its ledger key)
 * kown/{key32}       the ledger key of the member a rotated-to key signs for
 * cfct/{id}          ContractFacts: what the ledger knows of a contract (for TCA and the rule)
 * escr/{id}          money escrowed for a monetary contract
 * swap/{hash32}      SwapOffer
 * prop/{u64}         Proposal
 * pdue/{u64 height}  ids of proposals that close at that height
 * case/{u64}         committee Case
 * prec/{caseKind}    Precedent award (per mille) set by a committee decision
 * tca/pending        issuances queued by this block's transactions, run at endBlock
 * tca/log/{u64}      what endBlock issued at that height (visible to every member)
 * amel/w/{key32}     a member's statistics since the last amelioration report
 * amel/defects       contract defects since the last report
 * amel/report        the latest amelioration report
 * x/...              the contract engine's own state (it sees only this prefix)
 * </pre>
 */
public final class Keys {
  private Keys() {}

  public static final Bytes GENESIS = ascii("g/mode");
  public static final Bytes PARAMS = ascii("g/params");
  public static final Bytes SUPPLY = ascii("g/supply");
  public static final Bytes ACCOUNTS = ascii("g/accounts");
  public static final Bytes COMMITTEE = ascii("g/committee");
  public static final Bytes VALIDATORS = ascii("g/validators");
  public static final Bytes COUNTERS = ascii("g/counters");
  public static final Bytes ROTATIONS = ascii("g/rotations");
  public static final Bytes PENDING_ISSUANCE = ascii("tca/pending");
  public static final Bytes DEFECTS = ascii("amel/defects");
  public static final Bytes REPORT = ascii("amel/report");
  public static final Bytes ENGINE_PREFIX = ascii("x/");

  public static Bytes account(PublicKey key) {
    return withKey("acct/", key.toBytes());
  }

  public static Bytes member(PublicKey key) {
    return withKey("memb/", key.toBytes());
  }

  public static Bytes endpoint(PublicKey key) {
    return withKey("endp/", key.toBytes());
  }

  public static Bytes keyRotation(PublicKey member) {
    return withKey("krot/", member.toBytes());
  }

  public static Bytes keyOwner(PublicKey key) {
    return withKey("kown/", key.toBytes());
  }

  public static Bytes window(PublicKey key) {
    return withKey("amel/w/", key.toBytes());
  }

  public static Bytes contract(String contractId) {
    return withKey("cfct/", contractId.getBytes(StandardCharsets.UTF_8));
  }

  public static Bytes escrow(String contractId) {
    return withKey("escr/", contractId.getBytes(StandardCharsets.UTF_8));
  }

  public static Bytes swap(Hash id) {
    return withKey("swap/", id.toBytes());
  }

  public static Bytes proposal(long id) {
    return withLong("prop/", id);
  }

  public static Bytes dueProposals(long height) {
    return withLong("pdue/", height);
  }

  public static Bytes committeeCase(long id) {
    return withLong("case/", id);
  }

  public static Bytes precedent(String caseKind) {
    return withKey("prec/", caseKind.getBytes(StandardCharsets.UTF_8));
  }

  public static Bytes issuanceLog(long height) {
    return withLong("tca/log/", height);
  }

  static Bytes ascii(String text) {
    return Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static Bytes withKey(String prefix, byte[] suffix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[p.length + suffix.length];
    System.arraycopy(p, 0, out, 0, p.length);
    System.arraycopy(suffix, 0, out, p.length, suffix.length);
    return Bytes.wrap(out);
  }

  private static Bytes withLong(String prefix, long value) {
    byte[] suffix = new byte[8];
    for (int i = 0; i < 8; i++) {
      suffix[i] = (byte) (value >>> (56 - 8 * i));
    }
    return withKey(prefix, suffix);
  }
}
