package org.alliancechain.consensus.core;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.consensus.msg.Checkpoint;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.MessageCodec;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.PreparedCertificate;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;

/** The canonical encoding of {@link PersistRecord}s for a durable {@link ConsensusStore}. */
public final class PersistRecordCodec {
  private static final int SIGNED = 1;
  private static final int PREPARED = 2;
  private static final int STABLE = 3;

  private PersistRecordCodec() {}

  public static byte[] encode(PersistRecord record) {
    CanonicalWriter w = new CanonicalWriter(512);
    switch (record) {
      case PersistRecord.Signed s ->
          w.u8(SIGNED).u63(s.seq()).bytes(MessageCodec.encode(s.message()));
      case PersistRecord.Prepared p -> {
        w.u8(PREPARED).bytes(MessageCodec.encode(p.certificate().prePrepare()));
        w.count(p.certificate().prepares().size());
        p.certificate().prepares().forEach(x -> w.bytes(MessageCodec.encode(x)));
      }
      case PersistRecord.StableCheckpoint c -> {
        w.u8(STABLE).u63(c.seq()).hash(c.digest()).count(c.proof().size());
        c.proof().forEach(x -> w.bytes(MessageCodec.encode(x)));
      }
    }
    return w.toByteArray();
  }

  public static PersistRecord decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    int kind = r.u8("record kind");
    PersistRecord record =
        switch (kind) {
          case SIGNED -> {
            long seq = r.u63("seq");
            yield new PersistRecord.Signed(message(r), seq);
          }
          case PREPARED -> {
            PrePrepare pp = expect(message(r), PrePrepare.class);
            int count = r.count("prepares", 256);
            List<Prepare> prepares = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
              prepares.add(expect(message(r), Prepare.class));
            }
            yield new PersistRecord.Prepared(new PreparedCertificate(pp, prepares));
          }
          case STABLE -> {
            long seq = r.u63("seq");
            Hash digest = r.hash("digest");
            int count = r.count("proof", 256);
            List<Checkpoint> proof = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
              proof.add(expect(message(r), Checkpoint.class));
            }
            yield new PersistRecord.StableCheckpoint(seq, digest, proof);
          }
          default ->
              throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "record " + kind);
        };
    r.expectEnd("persist record");
    return record;
  }

  private static ConsensusMessage message(CanonicalReader r) {
    return MessageCodec.decode(r.bytes("message", ConsensusLimits.MESSAGE_BYTES_MAX));
  }

  private static <T extends ConsensusMessage> T expect(ConsensusMessage m, Class<T> kind) {
    if (!kind.isInstance(m)) {
      throw new DecodeException(
          DecodeException.Reason.INVALID_VALUE, "expected " + kind.getSimpleName());
    }
    return kind.cast(m);
  }
}
