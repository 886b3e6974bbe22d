package org.alliancechain.contracts.recommend;

import org.alliancechain.contracts.sharing.ResourceType;

/** A provider's rating (1 to 5 stars) of a kind of request: requests of one resource type. */
public record Rating(String provider, ResourceType kind, int stars) {
  public static final int STARS_MIN = 1;
  public static final int STARS_MAX = 5;

  public Rating {
    if (stars < STARS_MIN || stars > STARS_MAX) {
      throw new IllegalArgumentException("stars are 1 to 5, got " + stars);
    }
  }
}
