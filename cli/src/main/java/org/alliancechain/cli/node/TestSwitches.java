package org.alliancechain.cli.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.alliancechain.consensus.core.ConsensusStore;
import org.alliancechain.consensus.core.PersistRecord;
import org.alliancechain.consensus.msg.Commit;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.core.store.StoreException;

/**
 * Test-only switches of a node process, used by {@code alliance dev chaos} and the crash tests
 * (issue 9). They are read from JVM system properties or environment variables, never from
 * node.yaml, and every one of them is refused (the node does not start) unless the dev flag {@value
 * #DEV_FLAG} is also set to {@code true}: an operator's config cannot reach them.
 *
 * <ul>
 *   <li>{@value #CRASH_AT} = {@code kind:k}: the process halts (exit {@value #CRASH_EXIT_CODE})
 *       right after its k-th durable write of that kind: {@code block-batch} (a block's synced
 *       batch), {@code vote} (a consensus-log batch holding a signed pre-prepare, prepare, commit,
 *       view-change or new-view), {@code checkpoint} (a consensus-log batch holding a new stable
 *       checkpoint). Nothing after the write runs: not the send, not the next block.
 *   <li>{@value #DISK_FAULT_FILE} = a path: while that file exists, every store write fails as a
 *       full disk does (StoreException IO), before it reaches RocksDB; the node then stops (exit
 *       {@link FatalErrors#STORE_FAILURE_EXIT_CODE}). Delete the file to "fix the disk".
 *   <li>{@value #SIGNED_LOG} = a path: every pre-prepare, prepare and commit this node signs is
 *       appended there as {@code member phase view seq digest} before it is persisted (and so
 *       before it is sent), so a harness can look for two different digests signed for the same
 *       (view, sequence, phase) across restarts.
 * </ul>
 */
public final class TestSwitches {
  public static final String DEV_FLAG = "alliance.dev.test-mode";
  public static final String CRASH_AT = "alliance.test.crash-at";
  public static final String DISK_FAULT_FILE = "alliance.test.disk-fault-file";
  public static final String SIGNED_LOG = "alliance.test.signed-log";
  public static final int CRASH_EXIT_CODE = 86;

  /** The kinds of durable write a crash can be placed after. */
  public enum WriteKind {
    BLOCK_BATCH,
    VOTE,
    CHECKPOINT;

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static WriteKind parse(String label) {
      for (WriteKind k : values()) {
        if (k.label().equals(label)) {
          return k;
        }
      }
      throw new NodeException(
          "unknown write kind '" + label + "' in " + CRASH_AT + " (block-batch, vote, checkpoint)");
    }
  }

  public static final TestSwitches NONE =
      new TestSwitches(Optional.empty(), 0, Optional.empty(), Optional.empty(), "");

  private final Optional<WriteKind> crashKind;
  private final long crashAtWrite;
  private final Optional<Path> diskFaultFile;
  private final Optional<Path> signedLog;
  private final String member;
  private final Map<WriteKind, Long> writes = new EnumMap<>(WriteKind.class);

  private TestSwitches(
      Optional<WriteKind> crashKind,
      long crashAtWrite,
      Optional<Path> diskFaultFile,
      Optional<Path> signedLog,
      String member) {
    this.crashKind = crashKind;
    this.crashAtWrite = crashAtWrite;
    this.diskFaultFile = diskFaultFile;
    this.signedLog = signedLog;
    this.member = member;
  }

  /** The switches of this process; NONE unless one is set, and refused without the dev flag. */
  public static TestSwitches fromProcess(String member) {
    return parse(
        name -> {
          String value = System.getProperty(name);
          if (value == null) {
            value =
                System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
          }
          return value;
        },
        member);
  }

  static TestSwitches parse(UnaryOperator<String> lookup, String member) {
    String crash = lookup.apply(CRASH_AT);
    String disk = lookup.apply(DISK_FAULT_FILE);
    String signed = lookup.apply(SIGNED_LOG);
    if (crash == null && disk == null && signed == null) {
      return NONE;
    }
    if (!"true".equals(lookup.apply(DEV_FLAG))) {
      List<String> set = new ArrayList<>();
      if (crash != null) {
        set.add(CRASH_AT);
      }
      if (disk != null) {
        set.add(DISK_FAULT_FILE);
      }
      if (signed != null) {
        set.add(SIGNED_LOG);
      }
      throw new NodeException(
          set
              + " are test-only switches (fault injection); refused unless "
              + DEV_FLAG
              + "=true is also set. Never set them on a production node.");
    }
    Optional<WriteKind> kind = Optional.empty();
    long at = 0;
    if (crash != null) {
      int colon = crash.indexOf(':');
      if (colon < 0) {
        throw new NodeException(CRASH_AT + " must be kind:k, for example block-batch:3");
      }
      kind = Optional.of(WriteKind.parse(crash.substring(0, colon)));
      try {
        at = Long.parseLong(crash.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new NodeException(CRASH_AT + ": k must be a positive integer, not " + crash, e);
      }
      if (at < 1) {
        throw new NodeException(CRASH_AT + ": k must be at least 1");
      }
    }
    return new TestSwitches(
        kind,
        at,
        Optional.ofNullable(disk).map(Path::of),
        Optional.ofNullable(signed).map(Path::of),
        member);
  }

  public boolean active() {
    return this != NONE;
  }

  /** Before a store write: fails it as a full disk would while the fault file exists. */
  public void beforeWrite(String what) {
    if (diskFaultFile.isPresent() && Files.exists(diskFaultFile.get())) {
      throw new StoreException(
          StoreException.Reason.IO,
          what + ": No space left on device (injected by " + DISK_FAULT_FILE + ")");
    }
  }

  /** After a durable write of {@code kind}: halts the process at the configured k-th one. */
  public synchronized void afterWrite(WriteKind kind) {
    long count = writes.merge(kind, 1L, Long::sum);
    if (crashKind.isPresent() && crashKind.get() == kind && count == crashAtWrite) {
      System.err.println(
          "test crash point: halting after "
              + kind.label()
              + " write "
              + count
              + " ("
              + CRASH_AT
              + ")");
      System.err.flush();
      Runtime.getRuntime().halt(CRASH_EXIT_CODE);
    }
  }

  /** The consensus log with the switches applied (itself when none is set). */
  public ConsensusStore wrap(ConsensusStore store) {
    if (!active()) {
      return store;
    }
    return new ConsensusStore() {
      @Override
      public void save(List<PersistRecord> records) {
        if (records.isEmpty()) {
          store.save(records);
          return;
        }
        beforeWrite("writing the consensus log");
        logSigned(records);
        store.save(records);
        boolean vote = false;
        boolean checkpoint = false;
        for (PersistRecord r : records) {
          vote |= r instanceof PersistRecord.Signed;
          checkpoint |= r instanceof PersistRecord.StableCheckpoint;
        }
        if (vote) {
          afterWrite(WriteKind.VOTE);
        }
        if (checkpoint) {
          afterWrite(WriteKind.CHECKPOINT);
        }
      }

      @Override
      public List<PersistRecord> load() {
        return store.load();
      }
    };
  }

  private void logSigned(List<PersistRecord> records) {
    if (signedLog.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (PersistRecord r : records) {
      if (r instanceof PersistRecord.Signed s) {
        switch (s.message()) {
          case PrePrepare m -> line(lines, "pre-prepare", m.view(), m.seq(), m.block().hash());
          case Prepare m -> line(lines, "prepare", m.view(), m.seq(), m.digest());
          case Commit m -> line(lines, "commit", m.view(), m.seq(), m.digest());
          default -> {
            // View changes and new views carry no (view, sequence, phase) vote of their own.
          }
        }
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    try {
      // Appended before the consensus log write, which comes before the send: every vote this
      // node ever sent is in the file, even after a SIGKILL (the page cache outlives the process).
      Files.writeString(
          signedLog.get(),
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the signed-vote log", e);
    }
  }

  private void line(
      StringBuilder out, String phase, long view, long seq, org.alliancechain.core.hash.Hash d) {
    out.append(member)
        .append(' ')
        .append(phase)
        .append(' ')
        .append(view)
        .append(' ')
        .append(seq)
        .append(' ')
        .append(d.toHex())
        .append('\n');
  }
}
