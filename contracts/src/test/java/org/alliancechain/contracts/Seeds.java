package org.alliancechain.contracts;

import java.util.SplittableRandom;

/** Seeded generators for property tests: prints the seed, replays with -D{name}.seed=N. */
public final class Seeds {
  private Seeds() {}

  public static SplittableRandom random(String name) {
    String configured = System.getProperty(name + ".seed");
    long seed = configured != null ? Long.parseLong(configured) : System.nanoTime();
    System.out.println(name + ": seed " + seed + " (replay with -D" + name + ".seed=" + seed + ")");
    return new SplittableRandom(seed);
  }
}
