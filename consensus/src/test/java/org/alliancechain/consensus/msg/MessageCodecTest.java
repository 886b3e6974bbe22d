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
