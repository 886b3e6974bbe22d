package org.alliancechain.consensus.msg;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;

/**
 * The canonical encoding of consensus messages: wire code, fields, sender key, then the 64-byte
 * signature. Everything but the signature is the "body"; a message's signature covers the chain id
 * and the body (except a {@link Commit}, whose signature is the block's commit vote).
 */
public final class MessageCodec {
  private MessageCodec() {}

  public static byte[] encode(ConsensusMessage message) {
    CanonicalWriter w = new CanonicalWriter(256);
    writeMessage(w, message);
    return w.toByteArray();
  }

  /** The encoding without the trailing signature. */
  public static byte[] encodeBody(ConsensusMessage message) {
    CanonicalWriter w = new CanonicalWriter(256);
    writeBody(w, message);
    return w.toByteArray();
  }

  public static ConsensusMessage decode(byte[] bytes) {
    if (bytes.length > ConsensusLimits.MESSAGE_BYTES_MAX) {
      throw new DecodeException(DecodeException.Reason.LENGTH_OVER_LIMIT, "message too large");
    }
    CanonicalReader r = new CanonicalReader(bytes);
    ConsensusMessage message = readMessage(r);
    r.expectEnd("consensus message");
    return message;
  }

  private static void writeMessage(CanonicalWriter w, ConsensusMessage message) {
    writeBody(w, message);
    message.signature().encode(w);
  }

  private static void writeBody(CanonicalWriter w, ConsensusMessage message) {
    w.u8(WireCode.of(message));
    switch (message) {
      case PrePrepare m -> {
        w.u63(m.view()).u63(m.seq());
        m.block().encode(w);
      }
      case Prepare m -> w.u63(m.view()).u63(m.seq()).hash(m.digest());
      case Commit m -> w.u63(m.view()).u63(m.seq()).hash(m.digest());
      case Checkpoint m -> w.u63(m.seq()).hash(m.digest());
      case ViewChange m -> writeViewChangeFields(w, m);
      case NewView m -> {
        w.u63(m.view()).count(m.viewChanges().size());
        m.viewChanges().forEach(vc -> writeMessage(w, vc));
        w.count(m.prePrepares().size());
        m.prePrepares().forEach(pp -> writeMessage(w, pp));
      }
      case SyncRequest m -> w.u63(m.fromHeight()).u63(m.toHeight());
      case SyncResponse m -> {
        w.count(m.blocks().size());
        for (CertifiedBlock b : m.blocks()) {
          b.block().encode(w);
          b.certificate().encode(w);
        }
      }
    }
    message.sender().encode(w);
  }

  private static void writeViewChangeFields(CanonicalWriter w, ViewChange m) {
    w.u63(m.newView()).u63(m.stableSeq()).hash(m.stableDigest());
    w.count(m.checkpointProof().size());
    m.checkpointProof().forEach(c -> writeMessage(w, c));
    w.count(m.prepared().size());
    for (PreparedCertificate cert : m.prepared()) {
      writeMessage(w, cert.prePrepare());
      w.count(cert.prepares().size());
      cert.prepares().forEach(p -> writeMessage(w, p));
    }
  }

  private static ConsensusMessage readMessage(CanonicalReader r) {
    int code = r.u8("wire code");
    return switch (code) {
      case WireCode.PRE_PREPARE -> readPrePrepareFields(r);
      case WireCode.PREPARE ->
          new Prepare(
              r.u63("view"), r.u63("seq"), r.hash("digest"), key(r), Signature.decode(r, "sig"));
      case WireCode.COMMIT ->
          new Commit(
              r.u63("view"), r.u63("seq"), r.hash("digest"), key(r), Signature.decode(r, "sig"));
      case WireCode.CHECKPOINT -> readCheckpointFields(r);
      case WireCode.VIEW_CHANGE -> readViewChangeFields(r);
      case WireCode.NEW_VIEW -> readNewViewFields(r);
      case WireCode.SYNC_REQUEST ->
          new SyncRequest(r.u63("from"), r.u63("to"), key(r), Signature.decode(r, "sig"));
      case WireCode.SYNC_RESPONSE -> readSyncResponseFields(r);
      default -> throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "code " + code);
    };
  }

  private static PublicKey key(CanonicalReader r) {
    return PublicKey.decode(r, "sender");
  }

  private static <T extends ConsensusMessage> T expect(
      CanonicalReader r, Class<T> kind, String what) {
    ConsensusMessage message = readMessage(r);
    if (!kind.isInstance(message)) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, what + " has another kind");
    }
    return kind.cast(message);
  }

  private static PrePrepare readPrePrepareFields(CanonicalReader r) {
    long view = r.u63("view");
    long seq = r.u63("seq");
    Block block = Block.decode(r);
    return new PrePrepare(view, seq, block, key(r), Signature.decode(r, "sig"));
  }

  private static Checkpoint readCheckpointFields(CanonicalReader r) {
    long seq = r.u63("seq");
    Hash digest = r.hash("digest");
    return new Checkpoint(seq, digest, key(r), Signature.decode(r, "sig"));
  }

  private static ViewChange readViewChangeFields(CanonicalReader r) {
    long newView = r.u63("new view");
    long stableSeq = r.u63("stable seq");
    Hash stableDigest = r.hash("stable digest");
    int proofCount = r.count("checkpoint proof", 256);
    List<Checkpoint> proof = new ArrayList<>(proofCount);
    for (int i = 0; i < proofCount; i++) {
      proof.add(expect(r, Checkpoint.class, "checkpoint proof"));
    }
    int certCount = r.count("prepared", ConsensusLimits.PREPARED_CERTIFICATES_MAX);
    List<PreparedCertificate> certs = new ArrayList<>(certCount);
    for (int i = 0; i < certCount; i++) {
      PrePrepare pp = expect(r, PrePrepare.class, "prepared pre-prepare");
      int prepareCount = r.count("prepares", 256);
      List<Prepare> prepares = new ArrayList<>(prepareCount);
      for (int j = 0; j < prepareCount; j++) {
        prepares.add(expect(r, Prepare.class, "prepared prepare"));
      }
      certs.add(new PreparedCertificate(pp, prepares));
    }
    return new ViewChange(
        newView, stableSeq, stableDigest, proof, certs, key(r), Signature.decode(r, "sig"));
  }

  private static NewView readNewViewFields(CanonicalReader r) {
    long view = r.u63("view");
    int vcCount = r.count("view changes", 256);
    List<ViewChange> vcs = new ArrayList<>(vcCount);
    for (int i = 0; i < vcCount; i++) {
      vcs.add(expect(r, ViewChange.class, "view change"));
    }
    int ppCount = r.count("pre-prepares", ConsensusLimits.NEW_VIEW_PRE_PREPARES_MAX);
    List<PrePrepare> pps = new ArrayList<>(ppCount);
    for (int i = 0; i < ppCount; i++) {
      pps.add(expect(r, PrePrepare.class, "new-view pre-prepare"));
    }
    return new NewView(view, vcs, pps, key(r), Signature.decode(r, "sig"));
  }

  private static SyncResponse readSyncResponseFields(CanonicalReader r) {
    int count = r.count("sync blocks", ConsensusLimits.SYNC_BLOCKS_MAX);
    List<CertifiedBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Block block = Block.decode(r);
      blocks.add(new CertifiedBlock(block, CommitCertificate.decode(r)));
    }
    return new SyncResponse(blocks, key(r), Signature.decode(r, "sig"));
  }
}
