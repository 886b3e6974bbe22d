package org.alliancechain.cli.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A fault-injecting TCP proxy in front of one node's peer port. The genesis lists the proxy's port
 * as the member's peer address, so every peer dials through it; the node itself listens on another
 * port. Each accepted connection is attributed to the dialing member (see {@link SourceResolver}),
 * and every chunk it carries, in either direction, asks the {@link LinkRules} what to do with the
 * directed link it travels on: pass, delay, drop, or cut.
 *
 * <p>Links are encrypted and authenticated end to end, so the proxy cannot forge or reorder
 * anything undetected: a dropped chunk breaks the link's authenticated stream and the nodes
 * reconnect, which is what a lossy or flapping network does to a TCP link (an L4 proxy cannot drop
 * single packets).
 */
final class FaultProxy implements AutoCloseable {
  static final int CHUNK_BYTES_MAX = 16 * 1024;
  static final int ACCEPT_BACKLOG = 64;

  private final String target;
  private final int targetPort;
  private final LinkRules rules;
  private final IntFunction<String> sourceOf;
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Connection> connections = new ArrayList<>();
  private final SplittableRandom random;
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  /** One proxied link: both sockets, and which member dialed. */
  private record Connection(String source, Socket client, Socket upstream) {
    void close() {
      closeQuietly(client);
      closeQuietly(upstream);
    }

    boolean isClosed() {
      return client.isClosed() || upstream.isClosed();
    }
  }

  FaultProxy(
      String target,
      int listenPort,
      int targetPort,
      LinkRules rules,
      IntFunction<String> sourceOf,
      long seed)
      throws IOException {
    this.target = target;
    this.targetPort = targetPort;
    this.rules = rules;
    this.sourceOf = sourceOf;
    this.random = new SplittableRandom(seed);
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), ACCEPT_BACKLOG);
    this.acceptor = Thread.ofPlatform().daemon().name("proxy-" + target).start(this::acceptLoop);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      Thread.ofVirtual().start(() -> open(client));
    }
  }

  private void open(Socket client) {
    String source = sourceOf.apply(client.getPort());
    if (rules.cut(source, target) && rules.cut(target, source)) {
      closeQuietly(client);
      return;
    }
    Socket upstream = new Socket();
    try {
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 3_000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(upstream);
      return;
    }
    Connection c = new Connection(source, client, upstream);
    synchronized (connections) {
      connections.removeIf(Connection::isClosed);
      connections.add(c);
    }
    Thread.ofVirtual().start(() -> pump(c, c.client(), c.upstream(), source, target));
    Thread.ofVirtual().start(() -> pump(c, c.upstream(), c.client(), target, source));
  }

  private void pump(Connection c, Socket from, Socket to, String sender, String receiver) {
    byte[] buffer = new byte[CHUNK_BYTES_MAX];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        LinkRules.Rule rule = rules.rule(sender, receiver);
        switch (rule) {
          case LinkRules.Rule.Pass p -> out.write(buffer, 0, n);
          case LinkRules.Rule.Delay d -> {
            Thread.sleep(d.millis()); // the injected latency itself
            out.write(buffer, 0, n);
          }
          case LinkRules.Rule.Drop d -> {
            if (chance(d.perMille())) {
              dropped.incrementAndGet();
            } else {
              out.write(buffer, 0, n);
            }
          }
          case LinkRules.Rule.Blackhole b -> dropped.incrementAndGet();
          case LinkRules.Rule.Cut cut -> {
            dropped.incrementAndGet();
            c.close();
            return;
          }
        }
      }
    } catch (IOException e) {
      // The other side closed or reset: close both.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      c.close();
    }
  }

  private boolean chance(int perMille) {
    synchronized (random) {
      return random.nextInt(1000) < perMille;
    }
  }

  /**
   * Closes the proxied links between {@code a} and {@code b} (a cut, or a heal of a broken one).
   */
  void closeLinks(String a, String b) {
    synchronized (connections) {
      for (Connection c : connections) {
        if ((c.source().equals(a) && target.equals(b))
            || (c.source().equals(b) && target.equals(a))) {
          c.close();
        }
      }
    }
  }

  long droppedChunks() {
    return dropped.get();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    synchronized (connections) {
      connections.forEach(Connection::close);
      connections.clear();
    }
    try {
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // Closing a broken socket: nothing left to do.
    }
  }
}
