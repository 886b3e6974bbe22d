package org.alliancechain.cli.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 9's slow clients: {@code connections} sockets that each send one byte per {@code
 * byteIntervalMillis} to an API or a peer port, never finishing their request or handshake, and
 * reconnect when the server cuts them (its per-request or per-handshake deadline must: idle timers
 * alone reset on every byte). The sockets are bound to source addresses 127.0.0.2 and up, a few per
 * address, so the servers' per-address caps do not refuse them all (all of 127.0.0.0/8 is loopback
 * on Linux). One thread drives every socket, without blocking on any.
 */
public final class Trickler implements AutoCloseable {
  static final int FIRST_SOURCE = 2;
  static final int SOURCES_MAX = 250; // 127.0.0.2 .. 127.0.0.251
  static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  private static final int SLICES = 10; // each round touches a tenth of the sockets
  private static final byte[] API_BYTES =
      ("POST /tx HTTP/1.1\r\nHost: trickle\r\nContent-Type: application/json\r\n"
              + "Content-Length: 65536\r\n\r\n{\"payload\":\"")
          .getBytes(StandardCharsets.US_ASCII);
  // A frame length prefix and the start of a handshake message 1, one byte at a time.
  private static final byte[] PEER_BYTES = {0, 0, 0, 33, 1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7};

  /** A port to trickle into; {@code api} picks the bytes (an HTTP request or a peer frame). */
  public record Target(InetSocketAddress address, boolean api) {}

  /** What the trickle did so far. */
  public record Stats(int open, long connects, long cutByServer, long connectFailures) {}

  private final List<Target> targets;
  private final long byteIntervalMillis;
  private final Slot[] slots;
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong cuts = new AtomicLong();
  private final AtomicLong connectFailures = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;

  private static final class Slot {
    SocketChannel channel;
    int position;
  }

  Trickler(List<Target> targets, int connections, long byteIntervalMillis) {
    if (targets.isEmpty() || connections < 1 || byteIntervalMillis < SLICES) {
      throw new IllegalArgumentException("targets, connections >= 1, interval >= 10 ms");
    }
    this.targets = List.copyOf(targets);
    this.byteIntervalMillis = byteIntervalMillis;
    this.slots = new Slot[connections];
    for (int i = 0; i < connections; i++) {
      slots[i] = new Slot();
    }
    this.thread = new Thread(this::loop, "trickler");
    this.thread.setDaemon(true);
  }

  Trickler start() {
    thread.start();
    return this;
  }

  Stats stats() {
    int open = 0;
    synchronized (slots) {
      for (Slot s : slots) {
        if (s.channel != null) {
          open++;
        }
      }
    }
    return new Stats(open, connects.get(), cuts.get(), connectFailures.get());
  }

  private void loop() {
    long round = 0;
    long next = System.nanoTime();
    while (!stopped) {
      int slice = (int) (round++ % SLICES);
      synchronized (slots) {
        for (int i = slice; i < slots.length && !stopped; i += SLICES) {
          step(i);
        }
      }
      next += byteIntervalMillis * 1_000_000L / SLICES;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        } catch (InterruptedException e) {
          return;
        }
      } else {
        next = System.nanoTime(); // fell behind (a loaded machine): do not burst to catch up
      }
    }
  }

  private void step(int i) {
    Slot s = slots[i];
    Target target = targets.get(i % targets.size());
    if (s.channel == null) {
      s.channel = connect(target, i);
      s.position = 0;
      return;
    }
    byte[] bytes = target.api() ? API_BYTES : PEER_BYTES;
    try {
      ByteBuffer in = ByteBuffer.allocate(512);
      if (s.channel.read(in) < 0) {
        cut(s);
        return;
      }
      // Past the prefix, the same byte forever: a body or a frame that never ends.
      byte b = s.position < bytes.length ? bytes[s.position] : (byte) 'a';
      s.position++;
      s.channel.write(ByteBuffer.wrap(new byte[] {b}));
    } catch (IOException e) {
      cut(s);
    }
  }

  private void cut(Slot s) {
    cuts.incrementAndGet();
    closeQuietly(s.channel);
    s.channel = null;
  }

  private SocketChannel connect(Target target, int i) {
    SocketChannel ch = null;
    try {
      ch = SocketChannel.open();
      byte source = (byte) (FIRST_SOURCE + (i / targets.size()) % SOURCES_MAX);
      ch.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, source}), 0));
      ch.socket().connect(target.address(), CONNECT_TIMEOUT_MILLIS);
      ch.configureBlocking(false);
      connects.incrementAndGet();
      return ch;
    } catch (IOException e) {
      connectFailures.incrementAndGet();
      closeQuietly(ch);
      return null;
    }
  }

  private static void closeQuietly(SocketChannel ch) {
    if (ch == null) {
      return;
    }
    try {
      ch.close();
    } catch (IOException e) {
      // Closing a socket the server already reset: nothing left to release.
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (slots) {
      for (Slot s : slots) {
        closeQuietly(s.channel);
        s.channel = null;
      }
    }
  }
}
