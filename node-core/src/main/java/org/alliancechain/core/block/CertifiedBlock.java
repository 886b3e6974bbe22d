package org.alliancechain.core.block;

import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;

/** A committed block with the certificate that proves it; what the store keeps and peers serve. */
public record CertifiedBlock(Block block, CommitCertificate certificate) {
  /** The longest encoding: what a peer link must be able to carry to sync one block. */
  public static final int ENCODED_BYTES_MAX =
      Block.ENCODED_BYTES_MAX + CommitCertificate.ENCODED_BYTES_MAX;

  /** Body against header, then certificate against the validator set. */
  public Verdict verify(ValidatorSet validators) {
    Verdict body = block.checkBody();
    return body.isOk() ? certificate.verify(block.header(), validators) : body;
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(512 + 256 * block.transactions().size());
    encode(w);
    return w.toByteArray();
  }

  public void encode(CanonicalWriter w) {
    block.encode(w);
    certificate.encode(w);
  }

  /** Reads a certified block; throws only {@link DecodeException}. */
  public static CertifiedBlock decode(CanonicalReader r) {
    Block block = Block.decode(r);
    CommitCertificate certificate = CommitCertificate.decode(r);
    return new CertifiedBlock(block, certificate);
  }

  public static CertifiedBlock decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    CertifiedBlock certified = decode(r);
    r.expectEnd("certified block");
    return certified;
  }
}
