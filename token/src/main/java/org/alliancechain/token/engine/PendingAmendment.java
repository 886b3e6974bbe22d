package org.alliancechain.token.engine;

import java.util.SortedSet;
import java.util.TreeSet;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;

/**
 * A proposed replacement of a contract's document and the parties who signed it so far. At most one
 * per contract: a new proposal replaces the pending one and its approvals.
 */
public record PendingAmendment(String document, SortedSet<String> approvals, long proposedHeight) {
  public PendingAmendment {
    approvals = new TreeSet<>(approvals);
  }

  public Hash documentHash() {
    return Sha256.hash(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  PendingAmendment approvedBy(String address) {
    TreeSet<String> more = new TreeSet<>(approvals);
    more.add(address);
    return new PendingAmendment(document, more, proposedHeight);
  }

  void encode(CanonicalWriter w) {
    w.string(document).count(approvals.size());
    approvals.forEach(w::string);
    w.u63(proposedHeight);
  }

  static PendingAmendment decode(CanonicalReader r) {
    String document = r.string("document", ContractLimits.DOCUMENT_BYTES_MAX);
    TreeSet<String> approvals = new TreeSet<>();
    int n = r.count("approvals", 2 * (ContractLimits.BENEFICIARY_COUNT_MAX + 2));
    for (int i = 0; i < n; i++) {
      approvals.add(r.string("approver", ContractLimits.ADDRESS_CHARS_MAX));
    }
    return new PendingAmendment(document, approvals, r.u63("proposed height"));
  }
}
