package org.alliancechain.contracts.interp;

/** Counts interpreter steps and stops the execution when the budget would be exceeded. */
final class StepBudget {
  /** Thrown inside the interpreter only; turned into a recorded failure at its entry point. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String detail) {
      super(detail, null, false, false);
    }
  }

  private final long stepsMax;
  private long used;

  StepBudget(long stepsMax) {
    if (stepsMax < 1) {
      throw new IllegalArgumentException("a step budget is at least 1, got " + stepsMax);
    }
    this.stepsMax = stepsMax;
  }

  void charge(long steps, String what) {
    if (steps > stepsMax - used) {
      throw new Exceeded(
          "step budget of " + stepsMax + " exceeded at " + what + " (" + used + " used)");
    }
    used += steps;
  }

  long used() {
    return used;
  }
}
