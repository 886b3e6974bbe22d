package org.alliancechain.token.state;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;

/**
 * Typed access to state. Values the ledger wrote itself are always canonical, so a value that does
 * not decode means corrupted state: an invariant failure that stops the node, not a rejection.
 */
public final class Store {
  private final StateReader reader;
  private final StateWriter writer;

  private Store(StateReader reader, StateWriter writer) {
    this.reader = reader;
    this.writer = writer;
  }

  public static Store readOnly(StateReader reader) {
    return new Store(reader, null);
  }

  public static Store of(StateWriter writer) {
    return new Store(writer, writer);
  }

  public boolean writable() {
    return writer != null;
  }

  public StateWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("read-only store");
    }
    return writer;
  }

  public StateReader reader() {
    return reader;
  }

  public <T> Optional<T> get(Bytes key, Function<CanonicalReader, T> decoder) {
    Optional<Bytes> raw = reader.get(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    CanonicalReader r = new CanonicalReader(raw.get().unsafeArray());
    try {
      T value = decoder.apply(r);
      r.expectEnd("state value");
      return Optional.of(value);
    } catch (DecodeException e) {
      throw new AssertionError("invariant broken: state at " + key + " does not decode", e);
    }
  }

  public <T> T require(Bytes key, Function<CanonicalReader, T> decoder) {
    return get(key, decoder)
        .orElseThrow(() -> new AssertionError("invariant broken: state at " + key + " missing"));
  }

  public void put(Bytes key, Consumer<CanonicalWriter> encoder) {
    CanonicalWriter w = new CanonicalWriter();
    encoder.accept(w);
    writer().put(key, Bytes.wrap(w.toByteArray()));
  }

  public void delete(Bytes key) {
    writer().delete(key);
  }

  public boolean contains(Bytes key) {
    return reader.get(key).isPresent();
  }
}
