package org.alliancechain.cli.chaos;

import java.util.Map;
import java.util.TreeMap;

/**
 * The network faults in force, per directed link {@code from -> to} between members. Set by the
 * harness's schedule, read by every proxy for every chunk. An unknown source ({@link #UNKNOWN}: a
 * connection the proxy could not attribute) is never faulted.
 */
final class LinkRules {
  static final String UNKNOWN = "?";

  /** What happens to bytes on one directed link. */
  sealed interface Rule {
    /** Bytes pass. */
    record Pass() implements Rule {}

    /** Every chunk waits {@code millis} first (ordered: the link slows down). */
    record Delay(long millis) implements Rule {}

    /** Each chunk is lost with probability perMille/1000 (the link breaks and reconnects). */
    record Drop(int perMille) implements Rule {}

    /**
     * A one-way cut: bytes this way vanish silently while the other way flows; the sender sees a
     * healthy connection. The stream is broken afterwards, so the heal closes the link.
     */
    record Blackhole() implements Rule {}

    /** Nothing passes; a connection carrying bytes this way is closed. */
    record Cut() implements Rule {}
  }

  static final Rule PASS = new Rule.Pass();

  private final Map<String, Rule> rules = new TreeMap<>();

  private static String key(String from, String to) {
    return from + "->" + to;
  }

  synchronized void set(String from, String to, Rule rule) {
    if (rule instanceof Rule.Pass) {
      rules.remove(key(from, to));
    } else {
      rules.put(key(from, to), rule);
    }
  }

  synchronized Rule rule(String from, String to) {
    if (from.equals(UNKNOWN) || to.equals(UNKNOWN)) {
      return PASS;
    }
    return rules.getOrDefault(key(from, to), PASS);
  }

  boolean cut(String from, String to) {
    return rule(from, to) instanceof Rule.Cut;
  }

  synchronized void clear() {
    rules.clear();
  }

  synchronized boolean isEmpty() {
    return rules.isEmpty();
  }
}
