package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

// docs/benchmarks.md, session 9: blocks that keep the primary's consensus thread busy for seconds
// run the backups' request timers out. The primary proposes what it can execute in a fifth of the
// view-change timeout.
class ExecutionBudgetTest {
  private static final long MS = 1_000_000L;

  @Test
  void beforeAnyBlockTheProtocolMaximumHolds() {
    assertThat(new ExecutionBudget(400 * MS).txMax(1_000)).isEqualTo(1_000);
  }

  @Test
  void fastTransactionsAreNeverCapped() {
    ExecutionBudget budget = ExecutionBudget.forViewChangeTimeout(2_000);
    budget.executed(1_000, 30 * MS); // 30 us per transfer
    assertThat(budget.txMax(1_000)).isEqualTo(1_000);
  }

  @Test
  void slowTransactionsAreCappedToTheTarget() {
    ExecutionBudget budget = ExecutionBudget.forViewChangeTimeout(2_000); // 400 ms per block
    budget.executed(800, 2_400 * MS); // 3 ms per contract transaction
    assertThat(budget.nanosPerTx()).isEqualTo(3 * MS);
    assertThat(budget.txMax(1_000)).isEqualTo(133);
  }

  @Test
  void theCapFollowsTheRecentSpeedAndNeverFallsBelowTheMinimum() {
    ExecutionBudget budget = new ExecutionBudget(400 * MS);
    budget.executed(10, 10_000 * MS); // one very slow block (a compiling JVM, a stalled disk)
    assertThat(budget.txMax(1_000)).isEqualTo(ExecutionBudget.TXS_MIN);
    assertThat(budget.txMax(10)).as("a protocol maximum below the minimum").isEqualTo(10);
    int before = budget.txMax(1_000);
    for (int i = 0; i < 80; i++) {
      budget.executed(100, 10 * MS); // 100 us per transaction from now on
    }
    assertThat(budget.txMax(1_000)).isGreaterThan(before).isEqualTo(1_000);
    assertThat(budget.nanosPerTx()).isBetween(100_000L, 101_000L);
  }

  @Test
  void emptyBlocksTeachNothing() {
    ExecutionBudget budget = new ExecutionBudget(400 * MS);
    budget.executed(0, 5_000 * MS);
    assertThat(budget.nanosPerTx()).isZero();
    assertThat(budget.txMax(1_000)).isEqualTo(1_000);
  }

  @Test
  void aTargetMustBePositive() {
    assertThatThrownBy(() -> new ExecutionBudget(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
