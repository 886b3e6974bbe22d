package org.alliancechain.contracts.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.contracts.sharing.ResourceType;
import org.alliancechain.contracts.trust.FixedPoint;

/**
 * Ranks a provider's inbox (SPEC M-10) by user-based collaborative filtering over providers'
 * ratings of kinds of request. It runs on each node for its own member, not in consensus, but it is
 * deterministic all the same: integer similarity scaled by 10^6, sorted maps, and a total order on
 * ties.
 *
 * <p>Score of a request for provider p: p's own rating of its kind if p rated it; otherwise the
 * similarity-weighted mean of the ratings of that kind by p's {@link #NEIGHBOURS_MAX} most similar
 * providers (similarity > 0); otherwise none. Scored requests come first, by score descending; then
 * the rest. Ties and unscored requests follow the cold-start order: reward descending, then
 * deadline ascending, then request id ascending.
 */
public final class Recommender {
  public static final int NEIGHBOURS_MAX = 20;

  /** A ranked request with its score (fixed point, stars * 10^6), if it has one. */
  public record Ranked(InboxItem item, Optional<Long> score) {}

  private final Map<String, Map<ResourceType, Integer>> ratings = new TreeMap<>();

  public Recommender(List<Rating> allRatings) {
    for (Rating rating : allRatings) {
      // A later rating of the same kind by the same provider replaces the earlier one.
      ratings
          .computeIfAbsent(rating.provider(), p -> new EnumMap<>(ResourceType.class))
          .put(rating.kind(), rating.stars());
    }
  }

  public static final Comparator<InboxItem> COLD_START_ORDER =
      Comparator.comparingLong(InboxItem::reward)
          .reversed()
          .thenComparingLong(InboxItem::deadlineSeconds)
          .thenComparing(InboxItem::requestId);

  public List<Ranked> rank(String provider, List<InboxItem> inbox, InboxFilter filter) {
    Map<ResourceType, Long> scores = scores(provider);
    List<Ranked> out = new ArrayList<>();
    for (InboxItem item : inbox) {
      if (filter.accepts(item)) {
        out.add(new Ranked(item, Optional.ofNullable(scores.get(item.type()))));
      }
    }
    Comparator<Ranked> byScore =
        Comparator.comparing(
            (Ranked r) -> r.score().orElse(Long.MIN_VALUE), Comparator.reverseOrder());
    out.sort(byScore.thenComparing(Ranked::item, COLD_START_ORDER));
    return List.copyOf(out);
  }

  /** The score of every kind the provider rated or its neighbours rated. */
  Map<ResourceType, Long> scores(String provider) {
    Map<ResourceType, Integer> own = ratings.getOrDefault(provider, Map.of());
    List<Map.Entry<String, Long>> neighbours = neighbours(provider, own);
    Map<ResourceType, Long> out = new EnumMap<>(ResourceType.class);
    for (ResourceType kind : ResourceType.values()) {
      if (own.containsKey(kind)) {
        out.put(kind, own.get(kind) * FixedPoint.SCALE);
        continue;
      }
      long weighted = 0;
      long weights = 0;
      for (Map.Entry<String, Long> neighbour : neighbours) {
        Integer stars = ratings.get(neighbour.getKey()).get(kind);
        if (stars != null) {
          weighted += neighbour.getValue() * stars;
          weights += neighbour.getValue();
        }
      }
      if (weights > 0) {
        out.put(kind, Math.floorDiv(weighted * FixedPoint.SCALE, weights));
      }
    }
    return out;
  }

  private List<Map.Entry<String, Long>> neighbours(
      String provider, Map<ResourceType, Integer> own) {
    List<Map.Entry<String, Long>> out = new ArrayList<>();
    for (Map.Entry<String, Map<ResourceType, Integer>> other : ratings.entrySet()) {
      if (!other.getKey().equals(provider)) {
        long similarity = similarity(own, other.getValue());
        if (similarity > 0) {
          out.add(Map.entry(other.getKey(), similarity));
        }
      }
    }
    out.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    return out.subList(0, Math.min(out.size(), NEIGHBOURS_MAX));
  }

  /**
   * Agreement over co-rated kinds, scaled by 10^6: 1 - mean(|a - b|) / 4, so identical ratings give
   * 1.0 and opposite ones (1 against 5 stars) give 0. (Cosine over raw stars was rejected: with one
   * co-rated kind it is 1.0 whatever the two ratings are.) Zero when nothing is co-rated.
   */
  static long similarity(Map<ResourceType, Integer> a, Map<ResourceType, Integer> b) {
    long distance = 0;
    long common = 0;
    for (Map.Entry<ResourceType, Integer> entry : a.entrySet()) {
      Integer other = b.get(entry.getKey());
      if (other != null) {
        distance += Math.abs(entry.getValue() - other);
        common++;
      }
    }
    if (common == 0) {
      return 0;
    }
    long spread = Rating.STARS_MAX - Rating.STARS_MIN;
    return FixedPoint.SCALE - Math.floorDiv(distance * FixedPoint.SCALE, spread * common);
  }
}
