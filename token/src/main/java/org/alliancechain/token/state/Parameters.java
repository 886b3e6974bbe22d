package org.alliancechain.token.state;

import java.util.EnumMap;
import java.util.Map;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;

/** The current value of every {@link ParamId}; immutable, changed only by DAO execution. */
public final class Parameters {
  private final EnumMap<ParamId, Long> values;

  private Parameters(EnumMap<ParamId, Long> values) {
    this.values = values;
  }

  public static Parameters defaults() {
    EnumMap<ParamId, Long> values = new EnumMap<>(ParamId.class);
    for (ParamId id : ParamId.values()) {
      values.put(id, id.defaultValue());
    }
    return new Parameters(values);
  }

  /** Defaults overridden by {@code overrides}; every value must be in its range. */
  public static Parameters of(Map<ParamId, Long> overrides) {
    Parameters p = defaults();
    for (ParamId id : ParamId.values()) {
      Long value = overrides.get(id);
      if (value != null) {
        p = p.with(id, value);
      }
    }
    return p;
  }

  public long get(ParamId id) {
    return values.get(id);
  }

  public Parameters with(ParamId id, long value) {
    if (!id.accepts(value)) {
      throw new IllegalArgumentException(id + " must be in " + id.range() + ", got " + value);
    }
    EnumMap<ParamId, Long> copy = new EnumMap<>(values);
    copy.put(id, value);
    return new Parameters(copy);
  }

  /** Every parameter in enum order as (code, value). */
  public void encode(CanonicalWriter w) {
    w.count(values.size());
    for (Map.Entry<ParamId, Long> e : values.entrySet()) {
      w.u16(e.getKey().code()).i64(e.getValue());
    }
  }

  public static Parameters decode(CanonicalReader r) {
    ParamId[] ids = ParamId.values();
    int count = r.count("parameters", ids.length);
    if (count != ids.length) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "parameters incomplete");
    }
    EnumMap<ParamId, Long> values = new EnumMap<>(ParamId.class);
    for (ParamId id : ids) {
      int code = r.u16("parameter code");
      long value = r.i64("parameter value");
      if (code != id.code() || !id.accepts(value)) {
        throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "parameter " + code);
      }
      values.put(id, value);
    }
    return new Parameters(values);
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
