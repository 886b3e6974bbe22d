package org.alliancechain.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the JSON vector files under src/test/resources/vectors/ed25519 (sources: SOURCES.md). */
final class VectorFiles {
  private VectorFiles() {}

  static JsonNode readJson(String name) {
    String resource = "/vectors/ed25519/" + name;
    try (InputStream in = VectorFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
