package org.alliancechain.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The alliance specs embedded in the jar: the demo's defaults and the documented examples. */
public final class ExampleSpecs {
  public static final String COOPERATIVE = "cooperative";
  public static final String COMPETITIVE = "competitive";

  private ExampleSpecs() {}

  /** The YAML text of an embedded spec ({@link #COOPERATIVE} or {@link #COMPETITIVE}). */
  public static String text(String name) {
    try (InputStream in = ExampleSpecs.class.getResourceAsStream("specs/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalArgumentException("no embedded spec named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the embedded spec " + name, e);
    }
  }
}
