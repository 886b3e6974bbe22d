package org.alliancechain.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** docs/consensus.md "Validator-set changes": E is the first epoch multiple with E > h + window. */
class ValidatorChangeTest {
  @Test
  void takesEffectAtTheFirstEpochBoundaryBeyondTheWindow() {
    // window 4, epoch 10: decided at 5 -> 5 + 4 = 9 < 10, so 10
    assertThat(ValidatorChange.activationHeight(5, 4, 10)).isEqualTo(10);
    // decided at 6 -> 6 + 4 = 10 is not beyond 10, so the next boundary, 20
    assertThat(ValidatorChange.activationHeight(6, 4, 10)).isEqualTo(20);
    assertThat(ValidatorChange.activationHeight(0, 4, 10)).isEqualTo(10);
    // the defaults: K = 50 (window 100), epoch 100; decided at 1 -> 101 -> 200
    assertThat(ValidatorChange.activationHeight(1, ValidatorChange.windowBlocks(50), 100))
        .isEqualTo(200);
  }

  @Test
  void everyActivationHeightIsSafeAndOnTheEpochGrid() {
    for (long h = 0; h < 500; h++) {
      for (long window : new long[] {1, 4, 100}) {
        for (long epoch : new long[] {1, 10, 100, 150}) {
          long e = ValidatorChange.activationHeight(h, window, epoch);
          assertThat(e % epoch).isZero();
          assertThat(ValidatorChange.isSafe(h, e, window)).isTrue();
          // the first such boundary: one epoch earlier is not beyond the window
          assertThat(e - epoch).isLessThanOrEqualTo(h + window);
        }
      }
    }
  }

  @Test
  void refusesAChangeThatWouldTakeEffectAtOrBeforeItsDecision() {
    byte[] seed = new byte[32];
    seed[0] = 1;
    ValidatorSet set =
        ValidatorSet.of(
            java.util.List.of(org.alliancechain.core.crypto.KeyPair.fromSeed(seed).publicKey()));
    assertThatThrownBy(() -> new ValidatorChange(10, 10, set))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ValidatorChange.isSafe(10, 14, 4)).isFalse();
    assertThat(ValidatorChange.isSafe(10, 15, 4)).isTrue();
  }
}
