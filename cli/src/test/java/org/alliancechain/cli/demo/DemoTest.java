package org.alliancechain.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.alliancechain.cli.local.LocalAlliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC M-33: the demo's own code path, checked by its outcome rather than its wording. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void bothAlliancesRunEndToEndAndNoProcessIsLeft() throws Exception {
    StringWriter text = new StringWriter();
    Demo demo = new Demo(new PrintWriter(text, true), dir, "demo-test-passphrase");
    List<Demo.Outcome> outcomes;
    try {
      outcomes = demo.run();
    } finally {
      demo.stop();
    }
    assertThat(outcomes).hasSize(2);
    Demo.Outcome coop = outcomes.get(0);
    // 4 deposits + 1 transfer, each committed; the light client checked every block.
    assertThat(coop.transactions()).as(text.toString()).isEqualTo(5);
    assertThat(coop.verifiedBlocks()).isEqualTo(coop.height());
    assertThat(coop.announcementReceivers()).isEqualTo(3); // every member but the sender (M-6)
    assertThat(coop.commRoutes()).isEqualTo(3);

    Demo.Outcome comp = outcomes.get(1);
    assertThat(comp.transactions()).isEqualTo(4);
    assertThat(comp.verifiedBlocks()).isEqualTo(comp.height());
    // paper eq. (2) with the demo's inputs: only the providers of PRODUCT pass the threshold,
    // and only they receive the sealed request; the relay pulsar does not (M-7).
    assertThat(comp.trusted()).containsExactly("orion", "rigel");
    assertThat(comp.tftReceivers()).containsExactlyElementsOf(comp.trusted());
    assertThat(comp.commRoutes()).isEqualTo(2);

    for (LocalAlliance alliance : demo.alliances()) {
      for (String member : alliance.members()) {
        assertThat(alliance.isRunning(member)).as(member + " still running").isFalse();
      }
    }
  }
}
