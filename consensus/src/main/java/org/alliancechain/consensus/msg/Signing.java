package org.alliancechain.consensus.msg;

import java.util.List;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;

/**
 * Builds signed messages and checks their signatures. Commits are signed over the commit vote in
 * {@link Domain#COMMIT_VOTE} so their signatures form the block's certificate directly; everything
 * else is signed in {@link Domain#CONSENSUS} over (chain id, body).
 */
public final class Signing {
  private static final Signature PLACEHOLDER = Signature.of(new byte[Signature.SIZE_BYTES]);

  private final String chainId;
  private final KeyPair key;

  public Signing(String chainId, KeyPair key) {
    this.chainId = chainId;
    this.key = key;
  }

  public KeyPair key() {
    return key;
  }

  public static byte[] signingBytes(String chainId, ConsensusMessage message) {
    if (message instanceof Commit c) {
      return CommitCertificate.voteSigningBytes(chainId, c.view(), c.seq(), c.digest());
    }
    byte[] body = MessageCodec.signingBody(message);
    return new CanonicalWriter(body.length + 80).string(chainId).raw(body).toByteArray();
  }

  public static Domain domainOf(ConsensusMessage message) {
    return message instanceof Commit ? Domain.COMMIT_VOTE : Domain.CONSENSUS;
  }

  public static boolean hasValidSignature(
      String chainId, ConsensusMessage message, SignatureVerifier verifier) {
    return verifier.verify(
        message.sender(), domainOf(message), signingBytes(chainId, message), message.signature());
  }

  private Signature sign(ConsensusMessage unsigned) {
    return key.sign(domainOf(unsigned), signingBytes(chainId, unsigned));
  }

  public PrePrepare prePrepare(long view, long seq, Block block) {
    PrePrepare unsigned = new PrePrepare(view, seq, block, key.publicKey(), PLACEHOLDER);
    return new PrePrepare(view, seq, block, key.publicKey(), sign(unsigned));
  }

  public Prepare prepare(long view, long seq, Hash digest) {
    Prepare unsigned = new Prepare(view, seq, digest, key.publicKey(), PLACEHOLDER);
    return new Prepare(view, seq, digest, key.publicKey(), sign(unsigned));
  }

  public Commit commit(long view, long seq, Hash digest) {
    Signature vote = CommitCertificate.signVote(key, chainId, view, seq, digest);
    return new Commit(view, seq, digest, key.publicKey(), vote);
  }

  public Checkpoint checkpoint(long seq, Hash digest) {
    Checkpoint unsigned = new Checkpoint(seq, digest, key.publicKey(), PLACEHOLDER);
    return new Checkpoint(seq, digest, key.publicKey(), sign(unsigned));
  }

  public ViewChange viewChange(
      long newView,
      long stableSeq,
      Hash stableDigest,
      List<Checkpoint> proof,
      List<PreparedCertificate> prepared) {
    ViewChange unsigned =
        new ViewChange(
            newView, stableSeq, stableDigest, proof, prepared, key.publicKey(), PLACEHOLDER);
    return new ViewChange(
        newView, stableSeq, stableDigest, proof, prepared, key.publicKey(), sign(unsigned));
  }

  public NewView newView(long view, List<ViewChange> viewChanges, List<PrePrepare> prePrepares) {
    NewView unsigned = new NewView(view, viewChanges, prePrepares, key.publicKey(), PLACEHOLDER);
    return new NewView(view, viewChanges, prePrepares, key.publicKey(), sign(unsigned));
  }

  public SyncRequest syncRequest(long fromHeight, long toHeight) {
    SyncRequest unsigned = new SyncRequest(fromHeight, toHeight, key.publicKey(), PLACEHOLDER);
    return new SyncRequest(fromHeight, toHeight, key.publicKey(), sign(unsigned));
  }

  public SyncResponse syncResponse(List<CertifiedBlock> blocks) {
    SyncResponse unsigned = new SyncResponse(blocks, key.publicKey(), PLACEHOLDER);
    return new SyncResponse(blocks, key.publicKey(), sign(unsigned));
  }
}
