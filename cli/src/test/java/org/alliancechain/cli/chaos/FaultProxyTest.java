package org.alliancechain.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.alliancechain.cli.local.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy in front of an echo server standing for node "b", dialed by member "a". */
class FaultProxyTest {
  private final LinkRules rules = new LinkRules();
  private ServerSocket echo;
  private FaultProxy proxy;
  private int proxyPort;

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket s = echo.accept();
                  Thread.ofVirtual().start(() -> echoAll(s));
                } catch (IOException e) {
                  return;
                }
              }
            });
    proxyPort = FreePorts.pick(1).get(0);
    proxy = new FaultProxy("b", proxyPort, echo.getLocalPort(), rules, port -> "a", 7);
  }

  private static void echoAll(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // closed by the test
    }
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
  }

  private Socket dial() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxyPort);
    s.setSoTimeout(10_000);
    return s;
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    s.getOutputStream().write(bytes);
    return new String(s.getInputStream().readNBytes(bytes.length), StandardCharsets.US_ASCII);
  }

  /** The next byte, or -1 at the end of the stream or on a reset. */
  private static int readOrEnd(Socket s) {
    try {
      return s.getInputStream().read();
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void passesBytesBothWaysWhenNoFaultIsSet() throws IOException {
    try (Socket s = dial()) {
      assertThat(roundTrip(s, "hello")).isEqualTo("hello");
      assertThat(roundTrip(s, "again")).isEqualTo("again");
    }
  }

  @Test
  void aCutClosesTheLinkAndRefusesNewOnesUntilHealed() throws IOException {
    try (Socket s = dial()) {
      assertThat(roundTrip(s, "up")).isEqualTo("up");
      rules.set("a", "b", new LinkRules.Rule.Cut());
      rules.set("b", "a", new LinkRules.Rule.Cut());
      proxy.closeLinks("a", "b");
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    try (Socket s = dial()) {
      assertThat(readOrEnd(s)).as("a new link is closed at once").isEqualTo(-1);
    }
    rules.set("a", "b", LinkRules.PASS);
    rules.set("b", "a", LinkRules.PASS);
    try (Socket s = dial()) {
      assertThat(roundTrip(s, "healed")).isEqualTo("healed");
    }
  }

  @Test
  void aOneWayCutSilencesOneDirectionWithoutClosing() throws IOException {
    try (Socket s = dial()) {
      rules.set("a", "b", new LinkRules.Rule.Blackhole());
      s.getOutputStream().write("lost".getBytes(StandardCharsets.US_ASCII));
      s.setSoTimeout(500);
      assertThatThrownBy(() -> s.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      assertThat(proxy.droppedChunks()).isPositive();
      assertThat(s.isClosed()).isFalse();
    }
  }

  @Test
  void aDelayHoldsEveryChunkBack() throws IOException {
    rules.set("a", "b", new LinkRules.Rule.Delay(300));
    try (Socket s = dial()) {
      long start = System.nanoTime();
      assertThat(roundTrip(s, "slow")).isEqualTo("slow");
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }
  }

  @Test
  void faultsOnOtherLinksOrUnknownSourcesDoNotApply() {
    rules.set("c", "b", new LinkRules.Rule.Cut());
    assertThat(rules.rule("a", "b")).isEqualTo(LinkRules.PASS);
    assertThat(rules.rule(LinkRules.UNKNOWN, "b")).isEqualTo(LinkRules.PASS);
    assertThat(rules.cut("c", "b")).isTrue();
  }
}
