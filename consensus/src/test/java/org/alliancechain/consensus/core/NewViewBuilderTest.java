package org.alliancechain.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.alliancechain.consensus.Fixture;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.PreparedCertificate;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.core.block.Block;
import org.junit.jupiter.api.Test;

// Castro–Liskov §4.4: the new primary's choice of O from V.
class NewViewBuilderTest {
  private final Fixture f = new Fixture(4);

  private PreparedCertificate cert(long view, int primary, Block block) {
    PrePrepare pp = f.signer(primary).prePrepare(view, block.height(), block);
    return new PreparedCertificate(pp, List.of());
  }

  private ViewChange vc(int sender, List<PreparedCertificate> prepared) {
    return f.signer(sender).viewChange(2, 0, Fixture.GENESIS, List.of(), prepared);
  }

  @Test
  void choosesTheCertificateOfTheHighestViewPerSequenceNumber() {
    Block a = f.block(1, 0, 0, Fixture.GENESIS, 2_000_000, 1);
    Block b = f.block(1, 1, 1, Fixture.GENESIS, 2_000_001, 2);
    NewViewBuilder.Selection s =
        NewViewBuilder.select(
            List.of(
                vc(0, List.of(cert(0, 0, a))), vc(1, List.of(cert(1, 1, b))), vc(2, List.of())));
    assertThat(s.minSeq()).isZero();
    assertThat(s.chosen()).containsExactly(java.util.Map.entry(1L, Optional.of(b)));
  }

  @Test
  void fillsGapsAndBrokenChainsWithNullBlocks() {
    Block one = f.block(1, 0, 0, Fixture.GENESIS, 2_000_000, 1);
    Block three = f.block(3, 0, 0, Fixture.GENESIS, 2_000_002, 1);
    NewViewBuilder.Selection s =
        NewViewBuilder.select(
            List.of(
                vc(0, List.of(cert(0, 0, one), cert(0, 0, three))),
                vc(1, List.of()),
                vc(2, List.of())));
    // seq 2 has no certificate (null); seq 3's parent is not the block chosen at 2 (null too).
    assertThat(s.chosen().get(1L)).contains(one);
    assertThat(s.chosen().get(2L)).isEmpty();
    assertThat(s.chosen().get(3L)).isEmpty();
    assertThat(s.maxSeq()).isEqualTo(3);
  }
}
