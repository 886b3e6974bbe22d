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
