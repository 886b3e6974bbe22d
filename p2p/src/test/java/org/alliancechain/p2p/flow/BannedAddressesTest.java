package org.alliancechain.p2p.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

// Issue 9: a banned member still cost a handshake per redial; now its address gets one handshake
// per interval until the ban ends. The clock is passed in: the counts below are exact.
class BannedAddressesTest {
  private static InetAddress address(int last) throws UnknownHostException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  @Test
  void aBannedMemberRedialingEveryTenMillisecondsCostsOneHandshakePerSecond() throws Exception {
    BannedAddresses box = new BannedAddresses(1_000, 16);
    InetAddress banned = address(1);
    box.noteBanned(banned, 60_000, 0);
    int handshakes = 0;
    for (long t = 10; t <= 10_000; t += 10) {
      if (box.tryHandshake(banned, t)) {
        handshakes++;
      }
    }
    // 1,000 redials in 10 s; one handshake each full second after the one that revealed the ban.
    assertThat(handshakes).isEqualTo(10);
  }

  @Test
  void otherAddressesAndTheEndOfTheBanAreNotLimited() throws Exception {
    BannedAddresses box = new BannedAddresses(1_000, 16);
    box.noteBanned(address(1), 5_000, 0);
    assertThat(box.tryHandshake(address(2), 1)).isTrue();
    assertThat(box.tryHandshake(address(2), 2)).isTrue();
    assertThat(box.tryHandshake(address(1), 1)).isFalse();
    assertThat(box.tryHandshake(address(1), 5_000)).as("ban over").isTrue();
    assertThat(box.tryHandshake(address(1), 5_001)).isTrue();
    assertThat(box.size()).isZero();
  }

  @Test
  void staysBoundedByDroppingTheBanThatEndsFirst() throws Exception {
    BannedAddresses box = new BannedAddresses(1_000, 2);
    box.noteBanned(address(1), 9_000, 0);
    box.noteBanned(address(2), 3_000, 0);
    box.noteBanned(address(3), 8_000, 0);
    assertThat(box.size()).isEqualTo(2);
    assertThat(box.tryHandshake(address(2), 10)).as("dropped").isTrue();
    assertThat(box.tryHandshake(address(1), 10)).isFalse();
    assertThat(box.tryHandshake(address(3), 10)).isFalse();
  }
}
