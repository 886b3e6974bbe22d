package org.alliancechain.token.state;

import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateWriter;

/** A view of the state under one key prefix: the contract engine cannot touch ledger records. */
public final class PrefixedState implements StateWriter {
  private final StateWriter inner;
  private final byte[] prefix;

  public PrefixedState(StateWriter inner, Bytes prefix) {
    this.inner = inner;
    this.prefix = prefix.toByteArray();
  }

  private Bytes full(Bytes key) {
    byte[] out = new byte[prefix.length + key.size()];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(key.unsafeArray(), 0, out, prefix.length, key.size());
    return Bytes.wrap(out);
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return inner.get(full(key));
  }

  @Override
  public void put(Bytes key, Bytes value) {
    inner.put(full(key), value);
  }

  @Override
  public void delete(Bytes key) {
    inner.delete(full(key));
  }
}
