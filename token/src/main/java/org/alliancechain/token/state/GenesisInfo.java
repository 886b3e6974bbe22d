package org.alliancechain.token.state;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;

/** What genesis fixes for the life of the alliance: its mode and its gateway account. */
public record GenesisInfo(AllianceMode mode, PublicKey gateway) {
  public void encode(CanonicalWriter w) {
    w.u8(Codecs.code(mode));
    gateway.encode(w);
  }

  public static GenesisInfo decode(CanonicalReader r) {
    return new GenesisInfo(
        Codecs.enumValue(r, AllianceMode.class, "mode"), PublicKey.decode(r, "gateway"));
  }
}
