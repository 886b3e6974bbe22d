package org.alliancechain.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from Linux's /proc. */
final class ProcStats {
  /** USER_HZ: 100 on every mainstream Linux build (getconf CLK_TCK). */
  static final long CLOCK_TICKS_PER_SECOND = 100;

  private ProcStats() {}

  /** User plus system CPU seconds consumed so far; -1 when /proc cannot be read. */
  static double cpuSeconds(long pid) {
    try {
      String stat =
          Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      // Fields after the command name (which may hold spaces) start at field 3, "state".
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ", -1);
      long utime = Long.parseLong(fields[11]); // field 14
      long stime = Long.parseLong(fields[12]); // field 15
      return (utime + stime) / (double) CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * CPU seconds so far of the process's live threads, summed by what the node's thread names say
   * they do ({@link #threadGroup}); empty when /proc cannot be read. Threads that have exited are
   * not here (their time is in {@link #cpuSeconds} only).
   */
  static java.util.SortedMap<String, Double> threadCpuSeconds(long pid) {
    java.util.SortedMap<String, Double> groups = new java.util.TreeMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (var threads = Files.list(tasks)) {
      for (Path task : threads.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
          continue; // exited while listing
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ", -1);
        double seconds =
            (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                / (double) CLOCK_TICKS_PER_SECOND;
        groups.merge(threadGroup(name), seconds, Double::sum);
      }
    } catch (IOException | RuntimeException e) {
      return new java.util.TreeMap<>();
    }
    return groups;
  }

  /**
   * The node's threads by job, from their names as Linux keeps them (15 characters): signature
   * verification pools, the consensus driver, the peer links, the API, transaction intake, the JIT
   * compilers, the garbage collector (Serial GC runs in the VM thread) and RocksDB's own threads.
   */
  static String threadGroup(String name) {
    if (name.startsWith("tx-verify") || name.startsWith("proposal-verif")) {
      return "verify";
    }
    if (name.startsWith("consensus-")) {
      return "consensus";
    }
    if (name.startsWith("p2p-")) {
      return "p2p";
    }
    if (name.startsWith("api-")) {
      return "api";
    }
    if (name.startsWith("tx-intake")) {
      return "intake";
    }
    if (name.contains("CompilerThre")) {
      return "jit";
    }
    if (name.equals("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
      return "gc";
    }
    if (name.startsWith("rocksdb")) {
      return "rocksdb";
    }
    return "other";
  }

  /** Peak resident set size (VmHWM) in bytes; -1 when /proc cannot be read. */
  static long peakRssBytes(long pid) {
    return statusBytes(pid, "VmHWM:");
  }

  /** Current resident set size (VmRSS) in bytes; -1 when /proc cannot be read. */
  static long rssBytes(long pid) {
    return statusBytes(pid, "VmRSS:");
  }

  private static long statusBytes(long pid, String field) {
    try {
      for (String line :
          Files.readAllLines(
              Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith(field)) {
          String kb = line.substring(field.length()).replace("kB", "").trim();
          return Long.parseLong(kb) * 1024;
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Bytes of all regular files under {@code dir} (like du, without block rounding). */
  static long diskBytes(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(ProcStats::sizeOrZero).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return -1;
    }
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted while walking (a compaction)
    }
  }
}
