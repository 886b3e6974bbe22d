package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.config.GenesisFile;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.state.Member;
import org.alliancechain.token.state.ValidatorState;

/**
 * What a member-to-be needs to build its node (SPEC M-23, {@code alliance member join}): the
 * genesis, which it checks against the hash its operator was given, and the current membership from
 * the committed ledger: members with where they listen, the validator set in force and the changes
 * the DAO scheduled. Read-only; nothing here is trusted without the genesis hash check.
 */
public final class MembershipRoutes {
  private MembershipRoutes() {}

  /** GET /genesis: the genesis file, byte for byte as the node loaded it (canonical JSON). */
  public record GenesisView(String hash, String json) {}

  /** One member as the ledger has it now. */
  public record MemberEntry(
      String name,
      String publicKey,
      String address,
      List<String> roles,
      boolean active,
      boolean genesis,
      String host,
      int peerPort,
      int apiPort) {}

  /** A scheduled validator change: the set certifying blocks from {@code activationHeight}. */
  public record ScheduledView(long decidedAt, long activationHeight, List<String> validators) {}

  /** GET /membership. */
  public record MembershipView(
      long height,
      String genesisHash,
      List<MemberEntry> members,
      List<String> validators,
      List<ScheduledView> scheduled) {}

  static void register(Router router, Node node) {
    router.get(
        "/genesis",
        r ->
            ApiResponse.ok(
                new GenesisView(
                    node.genesis().hash().toHex(), GenesisFile.toJson(node.genesis()))));
    router.get("/membership", r -> ApiResponse.ok(membership(node)));
  }

  static MembershipView membership(Node node) {
    long head = node.store().head();
    TokenQueries ledger = new TokenQueries(node.state());
    List<MemberEntry> members = new ArrayList<>();
    for (GenesisMember m : node.genesis().members()) {
      boolean active = ledger.member(m.publicKey()).map(Member::active).orElse(false);
      members.add(
          new MemberEntry(
              m.name(),
              m.publicKey().toHex(),
              Address.of(m.publicKey()).toString(),
              m.roles().stream().map(org.alliancechain.config.Role::specName).toList(),
              active,
              true,
              m.host(),
              m.peerPort(),
              m.apiPort()));
    }
    for (PublicKey key : ledger.activeMembers()) {
      if (node.genesis().member(key).isPresent()) {
        continue;
      }
      Member m = ledger.member(key).orElseThrow();
      var endpoint = ledger.endpoint(key);
      members.add(
          new MemberEntry(
              m.name(),
              key.toHex(),
              Address.of(key).toString(),
              roles(m),
              true,
              false,
              endpoint.map(e -> e.host()).orElse(""),
              endpoint.map(e -> e.peerPort()).orElse(0),
              endpoint.map(e -> e.apiPort()).orElse(0)));
    }
    ValidatorState validators = ledger.validators();
    List<ScheduledView> scheduled = new ArrayList<>();
    for (ValidatorState.Scheduled s : validators.scheduled()) {
      scheduled.add(
          new ScheduledView(
              s.decidedAt(),
              s.activationHeight(),
              s.validators().stream().map(node::memberName).toList()));
    }
    return new MembershipView(
        head,
        node.genesis().hash().toHex(),
        members,
        validators.effectiveAt(head + 1).members().stream().map(node::memberName).toList(),
        scheduled);
  }

  private static List<String> roles(Member m) {
    return m.roles().stream()
        .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .sorted()
        .toList();
  }

  /** Members the DAO admitted after genesis, for GET /members (name resolution in the CLI). */
  static List<ApiViews.MemberView> admittedMembers(Node node) {
    long head = node.store().head();
    TokenQueries ledger = new TokenQueries(node.state());
    var certifying = ledger.pendingValidatorSet(head + 1);
    List<ApiViews.MemberView> out = new ArrayList<>();
    for (PublicKey key : ledger.activeMembers()) {
      if (node.genesis().member(key).isPresent()) {
        continue;
      }
      Member m = ledger.member(key).orElseThrow();
      out.add(
          new ApiViews.MemberView(
              m.name(),
              key.toHex(),
              Address.of(key).toString(),
              roles(m),
              certifying.contains(key)));
    }
    return out;
  }
}
