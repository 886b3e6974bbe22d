package org.alliancechain.cli.chaos;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Which member dialed a proxied connection, from the client's ephemeral port: Linux lists every TCP
 * socket with its local port and inode in /proc/net/tcp(6), and every process's sockets as {@code
 * socket:[inode]} links under /proc/PID/fd. The links' identities travel encrypted, so the proxy
 * cannot read them; this needs no change to the node. Answers {@link LinkRules#UNKNOWN} when the
 * socket is gone or /proc is missing.
 */
final class SourceResolver {
  static final int ATTEMPTS_MAX = 20;

  private final Supplier<Map<String, OptionalLong>> pids;
  private final java.util.Set<Integer> proxyPorts;
  private final java.util.concurrent.atomic.AtomicLong unattributed =
      new java.util.concurrent.atomic.AtomicLong();

  /** {@code pids}: the running members' process ids, asked afresh (restarts change them). */
  SourceResolver(Supplier<Map<String, OptionalLong>> pids, java.util.Set<Integer> proxyPorts) {
    this.pids = pids;
    this.proxyPorts = java.util.Set.copyOf(proxyPorts);
  }

  String memberOf(int clientPort) {
    for (int attempt = 0; attempt < ATTEMPTS_MAX; attempt++) {
      long inode = inode(clientPort);
      if (inode > 0) {
        for (Map.Entry<String, OptionalLong> e : pids.get().entrySet()) {
          if (e.getValue().isPresent() && owns(e.getValue().getAsLong(), inode)) {
            return e.getKey();
          }
        }
      }
      try {
        Thread.sleep(5); // the dialer's socket appears in /proc a moment after connect
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    unattributed.incrementAndGet();
    return LinkRules.UNKNOWN;
  }

  /** Connections no member could be found for (faults never apply to them). */
  long unattributed() {
    return unattributed.get();
  }

  /** The inode of the socket whose local port is {@code port} and remote port a proxy's. */
  private long inode(int port) {
    for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines;
      try {
        lines = Files.readAllLines(Path.of(file));
      } catch (IOException e) {
        continue;
      }
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).trim().split("\\s+", -1);
        if (f.length < 10) {
          continue;
        }
        int local = port(f[1]);
        int remote = port(f[2]);
        if (local == port && proxyPorts.contains(remote)) {
          return Long.parseLong(f[9]);
        }
      }
    }
    return -1;
  }

  private static int port(String address) {
    int colon = address.lastIndexOf(':');
    return Integer.parseInt(address.substring(colon + 1).toLowerCase(Locale.ROOT), 16);
  }

  private static boolean owns(long pid, long inode) {
    String wanted = "socket:[" + inode + "]";
    try (DirectoryStream<Path> fds =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds) {
        try {
          if (Files.readSymbolicLink(fd).toString().equals(wanted)) {
            return true;
          }
        } catch (IOException e) {
          // The descriptor closed while we looked.
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
