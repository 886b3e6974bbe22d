package org.alliancechain.core.app;

import java.util.Optional;
import org.alliancechain.core.Bytes;

/** Read access to the application's authenticated key-value state. */
public interface StateReader {
  Optional<Bytes> get(Bytes key);
}
