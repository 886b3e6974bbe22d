package org.alliancechain.token.engine;

import java.nio.charset.StandardCharsets;
import org.alliancechain.contracts.sharing.PrivateRecords;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.token.AllianceMode;

/**
 * Tests write plaintext requests and offers; in a competitive alliance the ledger takes only their
 * sealed form (SPEC M-18), so this seals them as a member's client would, with a salt derived from
 * the record id (tests need no secrecy, only determinism).
 */
public final class TestSealing {
  private TestSealing() {}

  public static Bytes salt(String recordId) {
    return Bytes.wrap(Sha256.hash(recordId.getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  public static Lifecycle forMode(AllianceMode mode, Lifecycle body) {
    if (mode != AllianceMode.COMPETITIVE) {
      return body;
    }
    return switch (body) {
      case Lifecycle.SubmitRequest t when !t.request().sealed() ->
          new Lifecycle.SubmitRequest(PrivateRecords.seal(t.request(), salt(t.request().id())));
      case Lifecycle.SubmitOffer t when !t.offer().sealed() ->
          new Lifecycle.SubmitOffer(PrivateRecords.seal(t.offer(), salt(t.offer().id())));
      default -> body;
    };
  }
}
