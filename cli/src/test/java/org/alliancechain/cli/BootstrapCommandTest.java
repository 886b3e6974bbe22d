package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.GenesisFile;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.WrongPassphraseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-30: bootstrap from one spec file; keys encrypted at rest.
class BootstrapCommandTest {
  @TempDir Path dir;

  @Test
  void writesEncryptedKeysThatOnlyThePassphraseOpens() throws Exception {
    Path spec = dir.resolve("alliance.yaml");
    Files.writeString(spec, ExampleSpecs.text(ExampleSpecs.COMPETITIVE));
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "correct horse\n");
    Path out = dir.resolve("out");
    CliRun run =
        CliRun.of(
            "bootstrap",
            "--spec",
            spec.toString(),
            "--out",
            out.toString(),
            "--passphrase-file",
            secret.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String hash = GenesisFile.read(out.resolve("genesis.json")).hash().toHex();
    assertThat(run.out()).contains("genesis hash " + hash);
    var key = KeyFile.load(out.resolve("pulsar/member.key"), "correct horse".toCharArray());
    assertThat(
            GenesisFile.read(out.resolve("genesis.json"))
                .member("pulsar")
                .orElseThrow()
                .publicKey())
        .isEqualTo(key.publicKey());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> KeyFile.load(out.resolve("pulsar/member.key"), "wrong".toCharArray()))
        .isInstanceOf(WrongPassphraseException.class);
    assertThat(Files.readString(out.resolve("pulsar/node.yaml")))
        .contains("passphrase-file: " + secret.toAbsolutePath());

    // Again onto the same folder: refused, nothing changed; with --force: new keys.
    byte[] before = Files.readAllBytes(out.resolve("pulsar/member.key"));
    CliRun again =
        CliRun.of(
            "bootstrap",
            "--spec",
            spec.toString(),
            "--out",
            out.toString(),
            "--passphrase-file",
            secret.toString());
    assertThat(again.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(again.err()).contains("--force");
    assertThat(Files.readAllBytes(out.resolve("pulsar/member.key"))).isEqualTo(before);
    CliRun forced =
        CliRun.of(
            "bootstrap",
            "--spec",
            spec.toString(),
            "--out",
            out.toString(),
            "--passphrase-file",
            secret.toString(),
            "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readAllBytes(out.resolve("pulsar/member.key"))).isNotEqualTo(before);
  }

  @Test
  void invalidSpecCreatesNothing() throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "alliance: {name: x}\n");
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "pw");
    CliRun run =
        CliRun.of(
            "bootstrap",
            "--spec",
            spec.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--passphrase-file",
            secret.toString());
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }
}
