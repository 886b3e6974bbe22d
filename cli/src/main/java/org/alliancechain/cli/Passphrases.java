package org.alliancechain.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where key passphrases come from: a file or an environment variable, never the command line (which
 * other users of the machine can read in the process list).
 */
public final class Passphrases {
  public static final String ENV = "ALLIANCE_PASSPHRASE";
  private static final int FILE_BYTES_MAX = 4096;

  private Passphrases() {}

  /** The passphrase from {@code file} if given, else from {@link #ENV}; a usage error otherwise. */
  public static char[] read(Optional<Path> file, Optional<String> envName) {
    if (file.isPresent()) {
      return fromFile(file.get());
    }
    String name = envName.orElse(ENV);
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw CliException.usage(
          "no passphrase: set the environment variable " + name + " or pass --passphrase-file");
    }
    return value.toCharArray();
  }

  private static char[] fromFile(Path file) {
    try {
      if (Files.size(file) > FILE_BYTES_MAX) {
        throw CliException.usage(
            "passphrase file " + file + " is over " + FILE_BYTES_MAX + " bytes");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // One trailing newline is how editors and `echo` end a file; it is not part of the secret.
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
      }
      if (text.isEmpty()) {
        throw CliException.usage("passphrase file " + file + " is empty");
      }
      return text.toCharArray();
    } catch (IOException e) {
      throw CliException.usage("cannot read passphrase file " + file + ": " + e.getMessage());
    }
  }
}
