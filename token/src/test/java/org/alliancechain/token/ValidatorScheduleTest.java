package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.state.ValidatorState;
import org.junit.jupiter.api.Test;

/** SPEC M-3: the ledger's validator schedule, the one source of validator sets. */
class ValidatorScheduleTest {
  private static PublicKey k(int i) {
    return Harness.key(i).publicKey();
  }

  private static List<PublicKey> sorted(PublicKey... keys) {
    return java.util.Arrays.stream(keys).sorted().toList();
  }

  @Test
  void changesDecidedInTurnApplyInActivationOrder() {
    ValidatorState s = ValidatorState.of(sorted(k(1), k(2), k(3), k(4)));
    s = s.schedule(3, 10, sorted(k(1), k(2), k(3), k(4), k(5))).orElseThrow();
    s = s.schedule(8, 20, sorted(k(1), k(2), k(3), k(5))).orElseThrow();
    assertThat(s.effectiveAt(9).size()).isEqualTo(4);
    assertThat(s.effectiveAt(10).contains(k(5))).isTrue();
    assertThat(s.effectiveAt(19).contains(k(4))).isTrue();
    assertThat(s.effectiveAt(20).contains(k(4))).isFalse();
    assertThat(s.decidedAt(8).orElseThrow().activationHeight()).isEqualTo(20);
    assertThat(s.decidedAt(5)).isEmpty();
    assertThat(s.pendingAfter(10)).hasSize(1);
    ValidatorState promoted = s.promote(10);
    assertThat(promoted.current()).contains(k(5)).hasSize(5);
    assertThat(promoted.scheduled()).hasSize(1);
    // promoting changes nothing about which set certifies any height
    for (long h = 10; h < 30; h++) {
      assertThat(promoted.effectiveAt(h).members()).isEqualTo(s.effectiveAt(h).members());
    }
  }

  @Test
  void aSecondDecisionForTheSameBoundaryReplacesTheFirst() {
    ValidatorState s = ValidatorState.of(sorted(k(1), k(2), k(3), k(4)));
    s = s.schedule(3, 10, sorted(k(1), k(2), k(3), k(4), k(5))).orElseThrow();
    s = s.schedule(4, 10, sorted(k(1), k(2), k(3), k(4), k(5), k(6))).orElseThrow();
    assertThat(s.scheduled()).hasSize(1);
    assertThat(s.effectiveAt(10).size()).isEqualTo(6);
    assertThat(s.decidedAt(4)).isPresent();
  }

  @Test
  void encodesAndRefusesAnUnorderedSchedule() {
    ValidatorState s = ValidatorState.of(sorted(k(1), k(2)));
    s = s.schedule(3, 10, sorted(k(1), k(2), k(3))).orElseThrow();
    s = s.schedule(12, 20, sorted(k(1), k(3))).orElseThrow();
    CanonicalWriter w = new CanonicalWriter();
    s.encode(w);
    byte[] bytes = w.toByteArray();
    assertThat(ValidatorState.decode(new CanonicalReader(bytes))).isEqualTo(s);

    ValidatorState bad =
        new ValidatorState(
            sorted(k(1), k(2)),
            List.of(
                new ValidatorState.Scheduled(12, 20, sorted(k(1), k(3))),
                new ValidatorState.Scheduled(3, 10, sorted(k(1), k(2), k(3)))));
    CanonicalWriter bw = new CanonicalWriter();
    bad.encode(bw);
    assertThatThrownBy(() -> ValidatorState.decode(new CanonicalReader(bw.toByteArray())))
        .isInstanceOf(DecodeException.class);
  }
}
