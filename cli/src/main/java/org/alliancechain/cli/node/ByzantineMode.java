package org.alliancechain.cli.node;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A test-only mode in which this validator misbehaves on the real network (issue 9; the threat
 * table of docs/security.md). It is switched on by JVM system properties only, never by node.yaml,
 * and only when a second property acknowledges that the node is a test fixture: a production start
 * ({@code alliance node start --config ...}) can reach neither. With one property and not the other
 * the node refuses to start.
 *
 * @param behaviors what it does wrong; each outgoing consensus message gets one of them, chosen by
 *     a generator seeded with {@code seed}
 */
public record ByzantineMode(Set<Behavior> behaviors, long seed) {
  public static final String BEHAVIORS_PROPERTY = "alliance.test.byzantine";
  public static final String ALLOW_PROPERTY = "alliance.test.allow-byzantine";
  public static final String SEED_PROPERTY = "alliance.test.byzantine-seed";

  /** The exact value the allow property must have: no accidental "true" from a template. */
  public static final String ALLOW_VALUE = "this-node-is-a-test-fixture";

  public enum Behavior {
    /** As primary, sends another valid block for the same slot to half the validators. */
    EQUIVOCATE,
    /** Sends messages whose signature does not verify. */
    BAD_SIGNATURE,
    /** As primary, proposes blocks whose header does not commit to their transactions. */
    BAD_DIGEST,
    /** Sends again, next to new messages, messages it sent earlier. */
    REPLAY_OLD,
    /**
     * Floods: undecodable bytes on the consensus channel, messages for channels nobody speaks, and
     * (over a second connection of its own) frames longer than the link limit.
     */
    GARBAGE,
    /** Sends nothing to a third of the validators. */
    WITHHOLD
  }

  public ByzantineMode {
    behaviors = Set.copyOf(behaviors);
    if (behaviors.isEmpty()) {
      throw new NodeException("a Byzantine mode needs at least one behaviour");
    }
  }

  /**
   * The mode the properties ask for, if any; a {@link NodeException} if they ask for it without the
   * acknowledgement, or name an unknown behaviour.
   */
  public static Optional<ByzantineMode> fromProperties(Properties properties) {
    String wanted = properties.getProperty(BEHAVIORS_PROPERTY);
    if (wanted == null || wanted.isBlank()) {
      return Optional.empty();
    }
    if (!ALLOW_VALUE.equals(properties.getProperty(ALLOW_PROPERTY))) {
      throw new NodeException(
          "refusing to start: "
              + BEHAVIORS_PROPERTY
              + " asks for a misbehaving (Byzantine) validator, a test-only mode; it needs -D"
              + ALLOW_PROPERTY
              + "="
              + ALLOW_VALUE
              + " as well, and must never be used in production");
    }
    Set<Behavior> behaviors = EnumSet.noneOf(Behavior.class);
    for (String name : java.util.regex.Pattern.compile(",").splitAsStream(wanted).toList()) {
      String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      if (key.equals("ALL")) {
        behaviors.addAll(EnumSet.allOf(Behavior.class));
        continue;
      }
      try {
        behaviors.add(Behavior.valueOf(key));
      } catch (IllegalArgumentException e) {
        throw new NodeException(
            "unknown Byzantine behaviour '"
                + name.strip()
                + "'; known: "
                + EnumSet.allOf(Behavior.class).toString().toLowerCase(Locale.ROOT)
                + " or all",
            e);
      }
    }
    long seed;
    try {
      seed = Long.parseLong(properties.getProperty(SEED_PROPERTY, "1"));
    } catch (NumberFormatException e) {
      throw new NodeException(SEED_PROPERTY + " is not a number", e);
    }
    return Optional.of(new ByzantineMode(behaviors, seed));
  }
}
