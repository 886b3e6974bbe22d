package org.alliancechain.token.issuance;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.state.Codecs;

/** A beneficiary of a contract and its share (a positive integer weight). */
public record ProviderShare(PublicKey provider, long share) {
  public void encode(CanonicalWriter w) {
    provider.encode(w);
    w.u63(share);
  }

  public static ProviderShare decode(CanonicalReader r) {
    return new ProviderShare(PublicKey.decode(r, "provider"), Codecs.positive(r, "share"));
  }
}
