package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-2, M-23: only current members may connect; a member removed by the DAO is refused.
class GenesisDirectoryTest {
  @TempDir Path dir;

  @Test
  void aRemovedMemberIsNoLongerAMemberAndTheChangeIsReportedOnce() throws Exception {
    Genesis genesis =
        Bootstrap.run(
                SpecParser.parse("coop", ExampleSpecs.text(ExampleSpecs.COOPERATIVE)),
                dir,
                false,
                new SecureRandom(),
                1L,
                (file, key) -> Files.writeString(file, Hex.encode(key.seed())),
                Optional.empty())
            .genesis();
    GenesisDirectory directory = new GenesisDirectory(genesis);
    PublicKey birch = genesis.member("birch").orElseThrow().publicKey();
    assertThat(directory.isMember(birch)).isTrue();
    assertThat(directory.members()).hasSize(4);

    assertThat(directory.setRemoved(Set.of(birch))).isTrue();
    assertThat(directory.isMember(birch)).isFalse();
    assertThat(directory.members()).hasSize(3).doesNotContain(birch);
    assertThat(directory.setRemoved(Set.of(birch))).isFalse();

    assertThat(directory.setRemoved(Set.of())).isTrue();
    assertThat(directory.isMember(birch)).isTrue();
    assertThat(directory.isMember(PublicKey.of(new byte[32]))).isFalse();
  }
}
