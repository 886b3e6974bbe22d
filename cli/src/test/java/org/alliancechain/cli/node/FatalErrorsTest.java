package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancechain.core.store.StoreException;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {
  // Issue 9: a failing write stops the node with its own code, found through wrapping exceptions.
  @Test
  void storeFailuresAndBrokenInvariantsAreFatalOtherFailuresAreNot() {
    StoreException disk = new StoreException(StoreException.Reason.IO, "No space left on device");
    assertThat(FatalErrors.exitCode(disk)).isEqualTo(FatalErrors.STORE_FAILURE_EXIT_CODE);
    assertThat(FatalErrors.exitCode(new IllegalStateException("wrapped", disk)))
        .isEqualTo(FatalErrors.STORE_FAILURE_EXIT_CODE);
    assertThat(FatalErrors.exitCode(new AssertionError("invariant")))
        .isEqualTo(FatalErrors.INVARIANT_EXIT_CODE);
    assertThat(FatalErrors.exitCode(new IllegalArgumentException("a bad request"))).isZero();
  }
}
