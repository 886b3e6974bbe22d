package org.alliancechain.core.block;

import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;

/** A committed block with the certificate that proves it; what the store keeps and peers serve. */
public record CertifiedBlock(Block block, CommitCertificate certificate) {

  /** Body against header, then certificate against the validator set. */
  public Verdict verify(ValidatorSet validators) {
    Verdict body = block.checkBody();
    return body.isOk() ? certificate.verify(block.header(), validators) : body;
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(512 + 256 * block.transactions().size());
    block.encode(w);
    certificate.encode(w);
    return w.toByteArray();
  }

  public static CertifiedBlock decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    Block block = Block.decode(r);
    CommitCertificate certificate = CommitCertificate.decode(r);
    r.expectEnd("certified block");
    return new CertifiedBlock(block, certificate);
  }
}
