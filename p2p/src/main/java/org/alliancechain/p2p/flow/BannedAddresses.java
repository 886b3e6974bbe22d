package org.alliancechain.p2p.flow;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Addresses from which a banned member proved its key, and how often they may start a handshake
 * until that ban ends. The peer handshake reveals the initiator's key only in its third message,
 * after the responder made an ephemeral key, a Diffie-Hellman and a signature, so a banned member
 * that redials would cost that much per redial; its address is the one thing known before the
 * crypto. From such an address at most one handshake starts per {@code intervalMillis}: the others
 * are closed at accept, before any key is made. Members on the same host share the address and wait
 * at most one interval more for their link (they redial with backoff). Time is passed in, so tests
 * drive it. Thread-safe; at most {@code addressesMax} entries (the one ending first goes).
 */
public final class BannedAddresses {
  private final long intervalMillis;
  private final int addressesMax;
  // Looked up by address only; eviction scans for the earliest end, whatever the order.
  private final Map<InetAddress, Entry> entries = new HashMap<>();

  private static final class Entry {
    long untilMillis;
    long lastHandshakeMillis;
  }

  public BannedAddresses(long intervalMillis, int addressesMax) {
    if (intervalMillis < 1 || addressesMax < 1) {
      throw new IllegalArgumentException("intervalMillis >= 1 and addressesMax >= 1");
    }
    this.intervalMillis = intervalMillis;
    this.addressesMax = addressesMax;
  }

  /** A handshake from {@code address} just proved a member banned until {@code untilMillis}. */
  public synchronized void noteBanned(InetAddress address, long untilMillis, long nowMillis) {
    if (untilMillis <= nowMillis) {
      return;
    }
    entries.values().removeIf(e -> e.untilMillis <= nowMillis);
    Entry e = entries.get(address);
    if (e == null) {
      if (entries.size() >= addressesMax) {
        InetAddress first = null;
        long end = Long.MAX_VALUE;
        for (Map.Entry<InetAddress, Entry> candidate : entries.entrySet()) {
          if (candidate.getValue().untilMillis < end) {
            end = candidate.getValue().untilMillis;
            first = candidate.getKey();
          }
        }
        entries.remove(first);
      }
      e = new Entry();
      entries.put(address, e);
    }
    e.untilMillis = Math.max(e.untilMillis, untilMillis);
    e.lastHandshakeMillis = nowMillis;
  }

  /** Whether a connection from {@code address} may start its handshake now (and counts it). */
  public synchronized boolean tryHandshake(InetAddress address, long nowMillis) {
    Entry e = entries.get(address);
    if (e == null) {
      return true;
    }
    if (e.untilMillis <= nowMillis) {
      entries.remove(address);
      return true;
    }
    if (nowMillis - e.lastHandshakeMillis < intervalMillis) {
      return false;
    }
    e.lastHandshakeMillis = nowMillis;
    return true;
  }

  public synchronized int size() {
    return entries.size();
  }
}
