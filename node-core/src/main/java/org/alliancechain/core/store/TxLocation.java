package org.alliancechain.core.store;

import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;

/**
 * Where a transaction was first included, and what executing it did. A later copy of the same
 * transaction can only fail ({@code nonce_used}) and does not move the index entry.
 */
public record TxLocation(long height, int index, TxOutcome outcome) {
  static final int CODE_BYTES_MAX = 64;
  static final int DETAIL_BYTES_MAX = 4096;
  static final int EVENTS_BYTES_MAX = 1024 * 1024;

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(64 + outcome.events().size());
    w.u63(height).u32(index).bool(outcome.success()).string(outcome.code());
    w.string(outcome.detail()).bytes(outcome.events().unsafeArray());
    return w.toByteArray();
  }

  public static TxLocation decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    long height = r.u63("tx height");
    int index = r.u32("tx index", Integer.MAX_VALUE);
    TxOutcome outcome =
        new TxOutcome(
            r.bool("tx success"),
            r.string("tx code", CODE_BYTES_MAX),
            r.string("tx detail", DETAIL_BYTES_MAX),
            Bytes.wrap(r.bytes("tx events", EVENTS_BYTES_MAX)));
    r.expectEnd("tx location");
    return new TxLocation(height, index, outcome);
  }
}
