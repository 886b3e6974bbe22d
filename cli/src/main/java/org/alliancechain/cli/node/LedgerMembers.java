package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.state.Member;
import org.alliancechain.token.state.Role;

/**
 * The member set as the committed ledger holds it (genesis members and those the DAO admitted, less
 * those it removed), for the broadcast trees and {@code /status}. Ordered by the member's ledger
 * key, so every node at the same height lays the same tree (SPEC M-6).
 */
final class LedgerMembers {
  /** An active member: its ledger key, the key its node uses now, its roles. */
  record Entry(PublicKey ledgerKey, PublicKey nodeKey, Member member) {
    boolean has(Role role) {
      return member.roles().contains(role);
    }
  }

  private LedgerMembers() {}

  static List<Entry> of(TokenQueries ledger) {
    List<Entry> out = new ArrayList<>();
    for (PublicKey key : ledger.activeMembers()) {
      ledger.member(key).ifPresent(m -> out.add(new Entry(key, ledger.keyInForce(key), m)));
    }
    return out;
  }

  static List<PublicKey> nodeKeys(List<Entry> entries) {
    return entries.stream().map(Entry::nodeKey).toList();
  }
}
