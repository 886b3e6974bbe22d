package org.alliancechain.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.alliancechain.core.codec.CanonicalWriter;

/** The alliance's parameter values; every {@link Parameter} has one (its default unless set). */
public final class Parameters {
  private final Map<Parameter, Long> values;

  private Parameters(Map<Parameter, Long> values) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  public static Parameters defaults() {
    return with(Map.of());
  }

  /** Defaults overridden by {@code overrides}; each value must be in its parameter's range. */
  public static Parameters with(Map<Parameter, Long> overrides) {
    EnumMap<Parameter, Long> all = new EnumMap<>(Parameter.class);
    for (Parameter p : Parameter.values()) {
      long value = overrides.getOrDefault(p, p.defaultValue());
      if (value < p.min() || value > p.max()) {
        throw new IllegalArgumentException(p.specName() + " out of range: " + value);
      }
      all.put(p, value);
    }
    return new Parameters(all);
  }

  public long get(Parameter parameter) {
    return values.get(parameter);
  }

  /** In enum order (EnumMap iteration is declaration order, so this is deterministic). */
  public Map<Parameter, Long> asMap() {
    return values;
  }

  /** Encoded by spec name in declaration order, so adding a parameter changes the genesis hash. */
  public void encode(CanonicalWriter w) {
    w.count(values.size());
    for (Map.Entry<Parameter, Long> entry : values.entrySet()) {
      w.string(entry.getKey().specName()).i64(entry.getValue());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Parameters p && values.equals(p.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
