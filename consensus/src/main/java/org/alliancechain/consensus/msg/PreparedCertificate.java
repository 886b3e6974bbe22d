package org.alliancechain.consensus.msg;

import java.util.List;

/**
 * Proof that a block was prepared (Castro–Liskov §4.2 "prepared(m, v, n, i)"): the pre-prepare and
 * matching prepares from distinct backups; together they reach the prepare quorum.
 */
public record PreparedCertificate(PrePrepare prePrepare, List<Prepare> prepares) {
  public PreparedCertificate {
    prepares = List.copyOf(prepares);
  }

  public long view() {
    return prePrepare.view();
  }

  public long seq() {
    return prePrepare.seq();
  }
}
