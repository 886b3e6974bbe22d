package org.alliancechain.consensus.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alliancechain.consensus.Fixture;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.codec.DecodeException;
import org.junit.jupiter.api.Test;

// STYLE.md item 4 and ARCHITECTURE.md rule 3: one canonical encoding per message.
class MessageCodecTest {
  private final Fixture f = new Fixture(4);

  List<ConsensusMessage> oneOfEachKind() {
    Block block = f.block(1, 0, 0, Fixture.GENESIS, 1_000_100, 2);
    PrePrepare pp = f.signer(0).prePrepare(0, 1, block);
    Prepare p1 = f.signer(1).prepare(0, 1, block.hash());
    Prepare p2 = f.signer(2).prepare(0, 1, block.hash());
    Commit c = f.signer(1).commit(0, 1, block.hash());
    Checkpoint cp = f.signer(3).checkpoint(4, block.hash());
    ViewChange vc =
        f.signer(1)
            .viewChange(
                1,
                0,
                Fixture.GENESIS,
                List.of(),
                List.of(new PreparedCertificate(pp, List.of(p1, p2))));
    NewView nv = f.signer(1).newView(1, List.of(vc), List.of(f.signer(1).prePrepare(1, 1, block)));
    CommitCertificate cert =
        new CommitCertificate(
            1, 0, block.hash(), List.of(new CommitCertificate.Vote(1, c.signature())));
    return List.of(
        pp,
        p1,
        c,
        cp,
        vc,
        nv,
        f.signer(2).syncRequest(1, 5),
        f.signer(2).syncResponse(List.of(new CertifiedBlock(block, cert))));
  }

  @Test
  void everyKindRoundTripsToTheSameBytes() {
    for (ConsensusMessage m : oneOfEachKind()) {
      byte[] bytes = MessageCodec.encode(m);
      ConsensusMessage decoded = MessageCodec.decode(bytes);
      assertThat(decoded).isEqualTo(m);
      assertThat(MessageCodec.encode(decoded)).isEqualTo(bytes);
      assertThat(bytes[0] & 0xff).isEqualTo(WireCode.of(m));
    }
  }

  @Test
  void rejectsTrailingBytesAndUnknownCodes() {
    byte[] bytes = MessageCodec.encode(oneOfEachKind().get(1));
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> MessageCodec.decode(longer))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.TRAILING_BYTES));
    bytes[0] = 99;
    assertThatThrownBy(() -> MessageCodec.decode(bytes))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.UNKNOWN_KIND));
  }

  // docs/benchmarks.md, session 6: a new-view's view-changes carry the same prepared blocks, and
  // its
  // pre-prepares re-propose them; on the wire each block is written once.
  @Test
  void aNewViewWritesEachBlockOnce() {
    Block block = f.block(1, 0, 0, Fixture.GENESIS, 1_000_100, 20);
    PrePrepare pp = f.signer(0).prePrepare(0, 1, block);
    List<Prepare> prepares =
        List.of(f.signer(1).prepare(0, 1, block.hash()), f.signer(2).prepare(0, 1, block.hash()));
    List<ViewChange> vcs = new java.util.ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      vcs.add(
          f.signer(i)
              .viewChange(
                  1,
                  0,
                  Fixture.GENESIS,
                  List.of(),
                  List.of(new PreparedCertificate(pp, prepares))));
    }
    NewView nv = f.signer(1).newView(1, vcs, List.of(f.signer(1).prePrepare(1, 1, block)));
    byte[] bytes = MessageCodec.encode(nv);
    assertThat(occurrences(bytes, encoded(block))).isEqualTo(1);
    assertThat(bytes.length).isLessThan(MessageCodec.encode(vcs.get(0)).length + 2_000);
    assertThat(MessageCodec.decode(bytes)).isEqualTo(nv);
    // What is signed names the block by its hash: its size does not grow with the transactions.
    Block bigger = f.block(1, 0, 0, Fixture.GENESIS, 1_000_100, 200);
    assertThat(MessageCodec.signingBody(f.signer(0).prePrepare(0, 1, bigger)))
        .hasSameSizeAs(MessageCodec.signingBody(pp));
  }

  @Test
  void aNewViewBlockTableMustBeInFirstUseOrderWithoutRepeatsOrUnusedEntries() {
    Block a = f.block(1, 0, 0, Fixture.GENESIS, 1_000_100, 1);
    Block b = f.block(2, 0, 0, a.hash(), 1_000_200, 1);
    assertThat(MessageCodec.decode(newViewBytes(List.of(a, b), 0, 1))).isInstanceOf(NewView.class);
    assertRefused(newViewBytes(List.of(a, b), 1, 0), "first-use order");
    assertRefused(newViewBytes(List.of(a, b), 0), "never referred to");
    assertRefused(newViewBytes(List.of(a, a), 0, 1), "twice");
    assertRefused(newViewBytes(List.of(a), 1), "block index");
  }

  // A new-view of view 1 with the given block table and one pre-prepare per index (seq 1, 2, ...).
  private byte[] newViewBytes(List<Block> table, int... indexes) {
    org.alliancechain.core.codec.CanonicalWriter w =
        new org.alliancechain.core.codec.CanonicalWriter(256);
    w.u8(WireCode.NEW_VIEW).u63(1).count(table.size());
    table.forEach(block -> block.encode(w));
    w.count(0).count(indexes.length);
    for (int i = 0; i < indexes.length; i++) {
      PrePrepare pp = f.signer(1).prePrepare(1, i + 1, table.get(0));
      w.u8(WireCode.PRE_PREPARE).u63(1).u63(i + 1).count(indexes[i]);
      pp.sender().encode(w);
      pp.signature().encode(w);
    }
    f.keys.get(1).publicKey().encode(w);
    f.signer(1).prepare(0, 1, table.get(0).hash()).signature().encode(w);
    return w.toByteArray();
  }

  private static void assertRefused(byte[] bytes, String why) {
    assertThatThrownBy(() -> MessageCodec.decode(bytes))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining(why);
  }

  private static byte[] encoded(Block block) {
    org.alliancechain.core.codec.CanonicalWriter w =
        new org.alliancechain.core.codec.CanonicalWriter(256);
    block.encode(w);
    return w.toByteArray();
  }

  private static int occurrences(byte[] haystack, byte[] needle) {
    int count = 0;
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        count++;
      }
    }
    return count;
  }

  @Test
  void aCommitQuorumIsTheBlocksCommitCertificate() {
    // SPEC M-26: commit votes are signed over CommitCertificate.voteSigningBytes.
    Block block = f.block(1, 0, 0, Fixture.GENESIS, 1_000_100, 1);
    List<CommitCertificate.Vote> votes = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      votes.add(new CommitCertificate.Vote(i, f.signer(i).commit(0, 1, block.hash()).signature()));
    }
    CertifiedBlock certified =
        new CertifiedBlock(block, new CommitCertificate(1, 0, block.hash(), votes));
    assertThat(certified.verify(f.validators).isOk()).isTrue();
  }
}
