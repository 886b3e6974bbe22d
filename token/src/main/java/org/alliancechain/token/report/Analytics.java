package org.alliancechain.token.report;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.Store;

/** Records the activity that the next amelioration report analyses. */
public final class Analytics {
  private final Store store;

  public Analytics(Ledger ledger) {
    this.store = ledger.store();
  }

  public WindowStats stats(PublicKey member) {
    return store.get(Keys.window(member), WindowStats::decode).orElse(WindowStats.empty());
  }

  private void put(PublicKey member, WindowStats stats) {
    store.put(Keys.window(member), stats::encode);
  }

  public void contribution(PublicKey provider, PublicKey receiver, long value, boolean counted) {
    put(provider, stats(provider).contributed(receiver, value, counted));
  }

  public void reward(PublicKey member, long amount) {
    put(member, stats(member).rewarded(amount));
  }

  public void cancellation(PublicKey member) {
    put(member, stats(member).cancelled());
  }

  /** The defects since the last report, and how many were left out over the limit. */
  public record Defects(List<Defect> listed, long omitted) {
    public Defects {
      listed = List.copyOf(listed);
    }
  }

  public Defects defects() {
    return store
        .get(
            Keys.DEFECTS,
            r ->
                new Defects(
                    Codecs.list(r, "defects", TokenLimits.DEFECTS_PER_REPORT_MAX, Defect::decode),
                    r.u63("omitted")))
        .orElse(new Defects(List.of(), 0));
  }

  public void defect(Defect defect) {
    Defects current = defects();
    List<Defect> listed = new ArrayList<>(current.listed());
    long omitted = current.omitted();
    if (listed.size() < TokenLimits.DEFECTS_PER_REPORT_MAX) {
      listed.add(defect);
    } else {
      omitted = Math.addExact(omitted, 1);
    }
    long finalOmitted = omitted;
    store.put(
        Keys.DEFECTS,
        w -> {
          Codecs.list(w, listed, (out, d) -> d.encode(out));
          w.u63(finalOmitted);
        });
  }

  /** Starts a new window after a report. */
  public void reset(List<PublicKey> members) {
    for (PublicKey member : members) {
      store.delete(Keys.window(member));
    }
    store.delete(Keys.DEFECTS);
  }
}
