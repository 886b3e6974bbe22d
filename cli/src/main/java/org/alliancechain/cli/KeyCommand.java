package org.alliancechain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyFileException;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Member key files: a new key for a DAO key rotation (issue #4), a key file's public key. */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    description = "Member key files: generate a new key (for a key rotation), show a public key.",
    subcommands = {KeyCommand.New.class, KeyCommand.Show.class})
final class KeyCommand {
  private KeyCommand() {}

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = {
        "Generate a key pair into an encrypted key file (scrypt + AES-256-GCM, as bootstrap's);",
        "the passphrase comes from --passphrase-file or $ALLIANCE_PASSPHRASE, never the command",
        "line. Prints the public key and address; refuses to replace an existing file."
      },
      footer = {
        "",
        "Example:  ALLIANCE_PASSPHRASE=... alliance key new --out birch/member-2.key",
        "then:     alliance dao propose --rotate-key birch --new-key-file birch/member-2.key"
      })
  static final class New implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the key file")
    Path out;

    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description = "key passphrase (default: $ALLIANCE_PASSPHRASE)")
    Path passphraseFile;

    @Override
    public Integer call() {
      char[] passphrase = Passphrases.read(Optional.ofNullable(passphraseFile), Optional.empty());
      SecureRandom random = new SecureRandom();
      KeyPair key = KeyPair.generate(random);
      try {
        KeyFile.save(out, key, passphrase, random);
      } catch (FileAlreadyExistsException e) {
        throw CliException.failure(out + " exists: refusing to replace a key file");
      } catch (IOException e) {
        throw CliException.failure("cannot write " + out + ": " + e.getMessage());
      } finally {
        java.util.Arrays.fill(passphrase, '\0');
      }
      print(spec.commandLine().getOut(), out, key.publicKey());
      return AllianceCommand.EXIT_OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the public key and address in a key file (no passphrase needed).",
      footer = {"", "Example:  alliance key show birch/member-2.key"})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a key file")
    Path file;

    @Override
    public Integer call() {
      try {
        print(spec.commandLine().getOut(), file, KeyFile.loadPublicKey(file));
      } catch (IOException | KeyFileException e) {
        throw CliException.failure("cannot read the key file " + file + ": " + e.getMessage());
      }
      return AllianceCommand.EXIT_OK;
    }
  }

  private static void print(PrintWriter out, Path file, PublicKey key) {
    out.printf("key file   %s%n", file);
    out.printf("public key %s%n", key.toHex());
    out.printf("address    %s%n", Address.of(key));
    out.flush();
  }
}
