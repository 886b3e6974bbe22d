package org.alliancechain.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceResolverTest {
  // The harness attributes each proxied link to the process that dialed it, through /proc.
  @Test
  void findsTheProcessThatDialedAndNoOtherOne() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc");
    long self = ProcessHandle.current().pid();
    try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Socket dialer = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      SourceResolver resolver =
          new SourceResolver(
              () -> Map.of("other", OptionalLong.of(1), "me", OptionalLong.of(self)),
              Set.of(server.getLocalPort()));
      assertThat(resolver.memberOf(accepted.getPort())).isEqualTo("me");
      assertThat(resolver.unattributed()).isZero();
      SourceResolver nobody =
          new SourceResolver(
              () -> Map.of("other", OptionalLong.of(1)), Set.of(server.getLocalPort()));
      assertThat(nobody.memberOf(dialer.getLocalPort())).isEqualTo(LinkRules.UNKNOWN);
      assertThat(nobody.unattributed()).isEqualTo(1);
    }
  }
}
