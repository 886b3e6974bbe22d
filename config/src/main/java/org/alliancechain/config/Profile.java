package org.alliancechain.config;

import java.util.List;

/**
 * A member's corporate profile (SPEC M-2). Resource types are the names of SPEC M-4.
 *
 * @param size small, medium or large
 */
public record Profile(
    String industry, String size, List<String> offers, List<String> wants, String preferences) {
  public static final List<String> RESOURCE_TYPES =
      List.of("DATA", "INFORMATION", "PRODUCT", "MONEY", "PARTNER", "HUMAN", "PPE", "KNOWLEDGE");
  public static final List<String> SIZES = List.of("small", "medium", "large");

  public Profile {
    offers = List.copyOf(offers);
    wants = List.copyOf(wants);
  }
}
