package org.alliancechain.consensus.msg;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;

/**
 * Checks that need no replica state: membership, signatures, the primary of a view, block bodies
 * and the proofs inside view-changes and new-views. Stateful checks (view, watermarks, duplicates,
 * parent and time) are the replica's.
 *
 * @param prepareQuorum pre-prepare plus matching prepares needed for a prepared certificate
 */
public record MessageValidator(
    String chainId,
    Hash genesisHash,
    int windowBlocks,
    ValidatorSet validators,
    int prepareQuorum,
    SignatureVerifier verifier) {

  public PublicKey primaryOf(long view) {
    return validators.get((int) (view % validators.size()));
  }

  public Verdict validate(ConsensusMessage message) {
    if (!validators.contains(message.sender())) {
      return Verdict.reject(Reason.NOT_VALIDATOR, message.sender().toHex());
    }
    if (!Signing.hasValidSignature(chainId, message, verifier)) {
      return Verdict.reject(Reason.BAD_SIGNATURE, kind(message) + " from " + shortKey(message));
    }
    return switch (message) {
      case PrePrepare m -> validatePrePrepare(m);
      case Prepare m ->
          m.sender().equals(primaryOf(m.view()))
              ? Verdict.reject(Reason.NOT_PRIMARY, "the primary does not prepare")
              : Verdict.ok();
      case Commit m -> Verdict.ok();
      case Checkpoint m -> Verdict.ok();
      case ViewChange m -> validateViewChange(m);
      case NewView m -> validateNewView(m);
      case SyncRequest m ->
          m.fromHeight() < 1 || m.toHeight() < m.fromHeight()
              ? Verdict.reject(Reason.BAD_PROOF, "empty or backward sync range")
              : Verdict.ok();
      case SyncResponse m -> Verdict.ok();
    };
  }

  private static String kind(ConsensusMessage message) {
    return message.getClass().getSimpleName();
  }

  private static String shortKey(ConsensusMessage message) {
    return message.sender().toHex().substring(0, 8);
  }

  Verdict validatePrePrepare(PrePrepare m) {
    if (!m.sender().equals(primaryOf(m.view()))) {
      return Verdict.reject(Reason.NOT_PRIMARY, "pre-prepare from a backup of view " + m.view());
    }
    BlockHeader header = m.block().header();
    if (header.height() != m.seq() || !header.chainId().equals(chainId)) {
      return Verdict.reject(Reason.BAD_BLOCK, "height or chain id differ from the message");
    }
    if (header.view() > m.view()) {
      return Verdict.reject(Reason.BAD_BLOCK, "block from a later view");
    }
    Verdict body = m.block().checkBody();
    if (!body.isOk()) {
      return Verdict.reject(Reason.DIGEST_MISMATCH, body.toString());
    }
    return validateTransactions(m.block());
  }

  private Verdict validateTransactions(Block block) {
    verifier.verifyAhead(block.transactions());
    Set<Hash> seen = new HashSet<>();
    for (Transaction tx : block.transactions()) {
      if (!tx.chainId().equals(chainId)) {
        return Verdict.reject(Reason.BAD_TX, "transaction for another chain");
      }
      if (!seen.add(tx.hash())) {
        return Verdict.reject(Reason.BAD_TX, "transaction twice in one block");
      }
      if (!verifier.verifyTransaction(tx)) {
        return Verdict.reject(Reason.BAD_TX, "transaction signature does not verify");
      }
      if (tx.kind() == Evidence.TX_KIND) {
        Verdict evidence = Evidence.verifyTransaction(tx, chainId, validators, verifier);
        if (!evidence.isOk()) {
          return Verdict.reject(Reason.BAD_TX, "evidence: " + evidence);
        }
      }
    }
    return Verdict.ok();
  }

  /** Castro–Liskov §4.4: C proves the stable checkpoint, P holds valid prepared certificates. */
  Verdict validateViewChange(ViewChange m) {
    if (m.newView() < 1) {
      return Verdict.reject(Reason.BAD_PROOF, "view change to view 0");
    }
    Verdict checkpoint =
        validateCheckpointProof(m.stableSeq(), m.stableDigest(), m.checkpointProof());
    if (!checkpoint.isOk()) {
      return checkpoint;
    }
    long previousSeq = m.stableSeq();
    for (PreparedCertificate cert : m.prepared()) {
      if (cert.seq() <= previousSeq || cert.seq() > m.stableSeq() + windowBlocks) {
        return Verdict.reject(Reason.BAD_PROOF, "prepared seq out of order or window");
      }
      previousSeq = cert.seq();
      if (cert.view() >= m.newView()) {
        return Verdict.reject(Reason.BAD_PROOF, "prepared in a view not before the new one");
      }
      Verdict verdict = validatePreparedCertificate(cert);
      if (!verdict.isOk()) {
        return verdict;
      }
    }
    return Verdict.ok();
  }

  public Verdict validateCheckpointProof(long seq, Hash digest, List<Checkpoint> proof) {
    if (seq == 0) {
      return digest.equals(genesisHash) && proof.isEmpty()
          ? Verdict.ok()
          : Verdict.reject(Reason.BAD_PROOF, "checkpoint 0 is the genesis, without proof");
    }
    Set<PublicKey> signers = new HashSet<>();
    for (Checkpoint c : proof) {
      if (c.seq() != seq || !c.digest().equals(digest)) {
        return Verdict.reject(Reason.BAD_PROOF, "checkpoint proof for another checkpoint");
      }
      if (!validators.contains(c.sender())
          || !Signing.hasValidSignature(chainId, c, verifier)
          || !signers.add(c.sender())) {
        return Verdict.reject(Reason.BAD_PROOF, "checkpoint proof signer invalid or repeated");
      }
    }
    return signers.size() >= validators.quorum()
        ? Verdict.ok()
        : Verdict.reject(Reason.BAD_PROOF, "checkpoint proof below quorum");
  }

  public Verdict validatePreparedCertificate(PreparedCertificate cert) {
    PrePrepare pp = cert.prePrepare();
    if (!validators.contains(pp.sender()) || !Signing.hasValidSignature(chainId, pp, verifier)) {
      return Verdict.reject(Reason.BAD_PROOF, "prepared pre-prepare signature");
    }
    Verdict ppVerdict = validatePrePrepare(pp);
    if (!ppVerdict.isOk()) {
      return Verdict.reject(Reason.BAD_PROOF, "prepared pre-prepare: " + ppVerdict);
    }
    Hash digest = pp.digest();
    Set<PublicKey> signers = new HashSet<>();
    for (Prepare p : cert.prepares()) {
      if (p.view() != pp.view() || p.seq() != pp.seq() || !p.digest().equals(digest)) {
        return Verdict.reject(Reason.BAD_PROOF, "prepare does not match its pre-prepare");
      }
      if (p.sender().equals(pp.sender())
          || !validators.contains(p.sender())
          || !signers.add(p.sender())
          || !Signing.hasValidSignature(chainId, p, verifier)) {
        return Verdict.reject(Reason.BAD_PROOF, "prepare signer invalid or repeated");
      }
    }
    return signers.size() + 1 >= prepareQuorum
        ? Verdict.ok()
        : Verdict.reject(Reason.BAD_PROOF, "prepared certificate below quorum");
  }

  Verdict validateNewView(NewView m) {
    if (!m.sender().equals(primaryOf(m.view()))) {
      return Verdict.reject(Reason.NOT_PRIMARY, "new-view from a backup of view " + m.view());
    }
    Set<PublicKey> senders = new HashSet<>();
    for (ViewChange vc : m.viewChanges()) {
      if (vc.newView() != m.view()
          || !validators.contains(vc.sender())
          || !senders.add(vc.sender())
          || !Signing.hasValidSignature(chainId, vc, verifier)) {
        return Verdict.reject(Reason.BAD_PROOF, "view-change in new-view invalid or repeated");
      }
      Verdict verdict = validateViewChange(vc);
      if (!verdict.isOk()) {
        return Verdict.reject(Reason.BAD_PROOF, "view-change in new-view: " + verdict);
      }
    }
    if (senders.size() < validators.quorum()) {
      return Verdict.reject(Reason.BAD_PROOF, "new-view without a quorum of view-changes");
    }
    for (PrePrepare pp : m.prePrepares()) {
      if (pp.view() != m.view() || !Signing.hasValidSignature(chainId, pp, verifier)) {
        return Verdict.reject(Reason.BAD_PROOF, "new-view pre-prepare of another view or signer");
      }
      Verdict verdict = validatePrePrepare(pp);
      if (!verdict.isOk()) {
        return verdict;
      }
    }
    return Verdict.ok();
  }
}
