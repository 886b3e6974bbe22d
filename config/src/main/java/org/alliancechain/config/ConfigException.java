package org.alliancechain.config;

import java.util.List;

/** A config or spec file that cannot be used, with every problem found (not just the first). */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // List.copyOf gives a serializable list of records
  private final List<ConfigError> errors;

  public ConfigException(String file, List<ConfigError> errors) {
    super(describe(file, errors));
    this.errors = List.copyOf(errors);
  }

  public ConfigException(String file, String path, String message) {
    this(file, List.of(new ConfigError(path, message)));
  }

  public List<ConfigError> errors() {
    return errors;
  }

  private static String describe(String file, List<ConfigError> errors) {
    StringBuilder text = new StringBuilder();
    text.append(file)
        .append(": ")
        .append(errors.size())
        .append(errors.size() == 1 ? " error" : " errors");
    for (ConfigError error : errors) {
      text.append(System.lineSeparator()).append("  ").append(error);
    }
    return text.toString();
  }
}
