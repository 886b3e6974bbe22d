package org.alliancechain.cli.node;

import java.time.Duration;
import org.alliancechain.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fail-stop for a node process: a store write that fails (a full or failing disk) or a broken
 * invariant on any thread stops the whole node with a distinct exit code, instead of leaving the
 * API up over a dead consensus thread. Every block batch is atomic and synced, so stopping here
 * loses nothing committed; the next start, once the disk is fixed, recovers from the write-ahead
 * log.
 */
public final class FatalErrors {
  /** A store write failed (EX_IOERR of sysexits.h). */
  public static final int STORE_FAILURE_EXIT_CODE = 74;

  /** An internal invariant broke (EX_SOFTWARE). */
  public static final int INVARIANT_EXIT_CODE = 70;

  static final Duration CLOSE_MAX = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(FatalErrors.class);

  private FatalErrors() {}

  /** Installs the handler for threads that die of an uncaught store failure or error. */
  public static void install(Runnable close) {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          int code = exitCode(error);
          if (code == 0) {
            LOG.error("thread {} died", thread.getName(), error);
            return;
          }
          LOG.error(
              "stopping the node (exit {}): {} on thread {}",
              code,
              error.toString(),
              thread.getName(),
              error);
          // Closed from another thread: the dying thread may be the consensus thread, which close()
          // joins. Halts after the close, or after CLOSE_MAX should the close hang on a broken
          // disk.
          Thread stopper =
              new Thread(
                  () -> {
                    try {
                      close.run();
                    } finally {
                      Runtime.getRuntime().halt(code);
                    }
                  },
                  "fatal-stop");
          stopper.setDaemon(true);
          stopper.start();
          Thread watchdog =
              new Thread(
                  () -> {
                    try {
                      Thread.sleep(CLOSE_MAX); // a deadline, not a wait for an event
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().halt(code);
                  },
                  "fatal-stop-watchdog");
          watchdog.setDaemon(true);
          watchdog.start();
        });
  }

  /** The exit code a fatal error stops with; 0 when it is not fatal. */
  static int exitCode(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StoreException) {
        return STORE_FAILURE_EXIT_CODE;
      }
    }
    return error instanceof AssertionError ? INVARIANT_EXIT_CODE : 0;
  }
}
