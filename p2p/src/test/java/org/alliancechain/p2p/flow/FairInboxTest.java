package org.alliancechain.p2p.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FairInboxTest {
  @Test
  void aFloodingPeerDoesNotDelayTheOthers() throws Exception {
    FairInbox<String, String> inbox = new FairInbox<>(1_000, 2_000, p -> {});
    for (int i = 0; i < 50; i++) {
      inbox.offer("flooder", "f" + i, 1);
    }
    inbox.offer("quiet", "q0", 1);
    inbox.offer("other", "o0", 1);
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      order.add(inbox.poll(0, TimeUnit.MILLISECONDS).orElseThrow().item());
    }
    // round-robin: the quiet peers are served within the first turn
    assertThat(order).containsExactly("f0", "q0", "o0", "f1", "f2");
  }

  @Test
  void pausesAtHighWaterResumesAtHalfAndRefusesAboveTheHardLimit() throws Exception {
    List<String> drained = new ArrayList<>();
    FairInbox<String, Integer> inbox = new FairInbox<>(100, 150, drained::add);
    assertThat(inbox.offer("p", 1, 60)).isEqualTo(FairInbox.Admission.ACCEPTED);
    assertThat(inbox.offer("p", 2, 40)).isEqualTo(FairInbox.Admission.ACCEPTED_PAUSE);
    assertThat(inbox.offer("p", 3, 40)).isEqualTo(FairInbox.Admission.ACCEPTED_PAUSE);
    assertThat(inbox.offer("p", 4, 20)).isEqualTo(FairInbox.Admission.REFUSED);
    assertThat(inbox.queuedBytes("p")).isEqualTo(140);
    inbox.poll(0, TimeUnit.MILLISECONDS); // 80 left: above half of 100
    assertThat(drained).isEmpty();
    inbox.poll(0, TimeUnit.MILLISECONDS); // 40 left
    assertThat(drained).containsExactly("p");
  }

  @Test
  void pollTimesOutWhenEmpty() throws Exception {
    FairInbox<String, String> inbox = new FairInbox<>(10, 10, p -> {});
    assertThat(inbox.poll(1, TimeUnit.MILLISECONDS)).isEmpty();
  }
}
