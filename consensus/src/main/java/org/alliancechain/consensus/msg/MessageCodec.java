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
 * signature. Everything but the signature is the "body".
 *
 * <p>A message's signature covers the chain id and its <em>signing body</em> (except a {@link
 * Commit}, whose signature is the block's commit vote): the body with every block, nested ones
 * included, written as its header hash. The header commits to the transactions (count and Merkle
 * root) and {@link MessageValidator} checks every block body against its header, so the signature
 * binds the body too, while a check of a new-view no longer re-encodes and hashes every block in it
 * (docs/benchmarks.md, session 6).
 *
 * <p>On the wire a new-view writes each distinct block once, in a table ahead of its view-changes
 * and pre-prepares, which refer to it by index: its 2f + 1 view-changes carry mostly the same
 * prepared blocks, and its pre-prepares re-propose them again. A block enters the table in the
 * order of its first reference and every entry is referred to, so the encoding stays canonical.
 */
public final class MessageCodec {
  private MessageCodec() {}

  public static byte[] encode(ConsensusMessage message) {
    CanonicalWriter w = new CanonicalWriter(256);
    writeMessage(w, message, Blocks.INLINE);
    return w.toByteArray();
  }

  /**
   * The encoding without the trailing signature, each block written as its hash: what is signed.
   */
  public static byte[] signingBody(ConsensusMessage message) {
    CanonicalWriter w = new CanonicalWriter(256);
    writeBody(w, message, Blocks.DIGEST);
    return w.toByteArray();
  }

  public static ConsensusMessage decode(byte[] bytes) {
    if (bytes.length > ConsensusLimits.MESSAGE_BYTES_MAX) {
      throw new DecodeException(DecodeException.Reason.LENGTH_OVER_LIMIT, "message too large");
    }
    CanonicalReader r = new CanonicalReader(bytes);
    ConsensusMessage message = readMessage(r, BlockTable.NONE);
    r.expectEnd("consensus message");
    return message;
  }

  /** How a pre-prepare's block is written: whole, as its hash (signing), or as a table index. */
  private interface Blocks {
    void write(CanonicalWriter w, Block block);

    Blocks INLINE = (w, block) -> block.encode(w);
    Blocks DIGEST = (w, block) -> w.hash(block.hash());
  }

  /** A new-view's blocks, each once, in the order of first reference. */
  private static final class TableWriter implements Blocks {
    private final java.util.Map<Hash, Integer> index = new java.util.HashMap<>();
    private final List<Block> blocks = new ArrayList<>();

    TableWriter(NewView m) {
      for (ViewChange vc : m.viewChanges()) {
        vc.prepared().forEach(cert -> add(cert.prePrepare().block()));
      }
      m.prePrepares().forEach(pp -> add(pp.block()));
    }

    private void add(Block block) {
      if (index.putIfAbsent(block.hash(), blocks.size()) == null) {
        blocks.add(block);
      }
    }

    @Override
    public void write(CanonicalWriter w, Block block) {
      w.count(index.get(block.hash()));
    }
  }

  private static void writeMessage(CanonicalWriter w, ConsensusMessage message, Blocks blocks) {
    writeBody(w, message, blocks);
    message.signature().encode(w);
  }

  private static void writeBody(CanonicalWriter w, ConsensusMessage message, Blocks blocks) {
    w.u8(WireCode.of(message));
    switch (message) {
      case PrePrepare m -> {
        w.u63(m.view()).u63(m.seq());
        blocks.write(w, m.block());
      }
      case Prepare m -> w.u63(m.view()).u63(m.seq()).hash(m.digest());
      case Commit m -> w.u63(m.view()).u63(m.seq()).hash(m.digest());
      case Checkpoint m -> w.u63(m.seq()).hash(m.digest());
      case ViewChange m -> writeViewChangeFields(w, m, blocks);
      case NewView m -> {
        w.u63(m.view());
        Blocks nested = blocks;
        if (blocks == Blocks.INLINE) {
          TableWriter table = new TableWriter(m);
          w.count(table.blocks.size());
          table.blocks.forEach(b -> b.encode(w));
          nested = table;
        }
        w.count(m.viewChanges().size());
        for (ViewChange vc : m.viewChanges()) {
          writeMessage(w, vc, nested);
        }
        w.count(m.prePrepares().size());
        for (PrePrepare pp : m.prePrepares()) {
          writeMessage(w, pp, nested);
        }
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

  private static void writeViewChangeFields(CanonicalWriter w, ViewChange m, Blocks blocks) {
    w.u63(m.newView()).u63(m.stableSeq()).hash(m.stableDigest());
    w.count(m.checkpointProof().size());
    m.checkpointProof().forEach(c -> writeMessage(w, c, blocks));
    w.count(m.prepared().size());
    for (PreparedCertificate cert : m.prepared()) {
      writeMessage(w, cert.prePrepare(), blocks);
      w.count(cert.prepares().size());
      cert.prepares().forEach(p -> writeMessage(w, p, blocks));
    }
  }

  /** Where a decoded pre-prepare's block comes from: inline, or a new-view's table. */
  private static final class BlockTable {
    static final BlockTable NONE = new BlockTable(List.of());
    private final List<Block> blocks;
    private int referenced;

    BlockTable(List<Block> blocks) {
      this.blocks = blocks;
    }

    Block read(CanonicalReader r) {
      if (this == NONE) {
        return Block.decode(r);
      }
      int i = r.count("block index", blocks.size() - 1);
      if (i > referenced) {
        throw new DecodeException(
            DecodeException.Reason.INVALID_VALUE, "block table entries out of first-use order");
      }
      if (i == referenced) {
        referenced++;
      }
      return blocks.get(i);
    }

    void expectAllReferenced() {
      if (referenced != blocks.size()) {
        throw new DecodeException(
            DecodeException.Reason.INVALID_VALUE, "block table entry never referred to");
      }
    }
  }

  private static ConsensusMessage readMessage(CanonicalReader r, BlockTable table) {
    int code = r.u8("wire code");
    return switch (code) {
      case WireCode.PRE_PREPARE -> readPrePrepareFields(r, table);
      case WireCode.PREPARE ->
          new Prepare(
              r.u63("view"), r.u63("seq"), r.hash("digest"), key(r), Signature.decode(r, "sig"));
      case WireCode.COMMIT ->
          new Commit(
              r.u63("view"), r.u63("seq"), r.hash("digest"), key(r), Signature.decode(r, "sig"));
      case WireCode.CHECKPOINT -> readCheckpointFields(r);
      case WireCode.VIEW_CHANGE -> readViewChangeFields(r, table);
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
      CanonicalReader r, BlockTable table, Class<T> kind, String what) {
    ConsensusMessage message = readMessage(r, table);
    if (!kind.isInstance(message)) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, what + " has another kind");
    }
    return kind.cast(message);
  }

  private static PrePrepare readPrePrepareFields(CanonicalReader r, BlockTable table) {
    long view = r.u63("view");
    long seq = r.u63("seq");
    Block block = table.read(r);
    return new PrePrepare(view, seq, block, key(r), Signature.decode(r, "sig"));
  }

  private static Checkpoint readCheckpointFields(CanonicalReader r) {
    long seq = r.u63("seq");
    Hash digest = r.hash("digest");
    return new Checkpoint(seq, digest, key(r), Signature.decode(r, "sig"));
  }

  private static ViewChange readViewChangeFields(CanonicalReader r, BlockTable table) {
    long newView = r.u63("new view");
    long stableSeq = r.u63("stable seq");
    Hash stableDigest = r.hash("stable digest");
    int proofCount = r.count("checkpoint proof", 256);
    List<Checkpoint> proof = new ArrayList<>(proofCount);
    for (int i = 0; i < proofCount; i++) {
      proof.add(expect(r, table, Checkpoint.class, "checkpoint proof"));
    }
    int certCount = r.count("prepared", ConsensusLimits.PREPARED_CERTIFICATES_MAX);
    List<PreparedCertificate> certs = new ArrayList<>(certCount);
    for (int i = 0; i < certCount; i++) {
      PrePrepare pp = expect(r, table, PrePrepare.class, "prepared pre-prepare");
      int prepareCount = r.count("prepares", 256);
      List<Prepare> prepares = new ArrayList<>(prepareCount);
      for (int j = 0; j < prepareCount; j++) {
        prepares.add(expect(r, table, Prepare.class, "prepared prepare"));
      }
      certs.add(new PreparedCertificate(pp, prepares));
    }
    return new ViewChange(
        newView, stableSeq, stableDigest, proof, certs, key(r), Signature.decode(r, "sig"));
  }

  private static NewView readNewViewFields(CanonicalReader r) {
    long view = r.u63("view");
    int blockCount =
        r.count(
            "new-view blocks",
            256 * ConsensusLimits.PREPARED_CERTIFICATES_MAX
                + ConsensusLimits.NEW_VIEW_PRE_PREPARES_MAX);
    List<Block> blocks = new ArrayList<>(Math.min(blockCount, 1024));
    java.util.Set<Hash> hashes = new java.util.HashSet<>();
    for (int i = 0; i < blockCount; i++) {
      Block block = Block.decode(r);
      if (!hashes.add(block.hash())) {
        throw new DecodeException(
            DecodeException.Reason.INVALID_VALUE, "block table holds a block twice");
      }
      blocks.add(block);
    }
    BlockTable table = new BlockTable(blocks);
    int vcCount = r.count("view changes", 256);
    List<ViewChange> vcs = new ArrayList<>(vcCount);
    for (int i = 0; i < vcCount; i++) {
      vcs.add(expect(r, table, ViewChange.class, "view change"));
    }
    int ppCount = r.count("pre-prepares", ConsensusLimits.NEW_VIEW_PRE_PREPARES_MAX);
    List<PrePrepare> pps = new ArrayList<>(ppCount);
    for (int i = 0; i < ppCount; i++) {
      pps.add(expect(r, table, PrePrepare.class, "new-view pre-prepare"));
    }
    table.expectAllReferenced();
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
