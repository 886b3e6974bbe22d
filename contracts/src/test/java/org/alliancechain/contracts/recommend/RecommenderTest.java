package org.alliancechain.contracts.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alliancechain.contracts.sharing.ResourceType;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  private static final InboxItem DATA_REQUEST =
      new InboxItem("r-data", ResourceType.DATA, "ac1x", 100, 5_000);
  private static final InboxItem PRODUCT_REQUEST =
      new InboxItem("r-prod", ResourceType.PRODUCT, "ac1y", 900, 1_000);
  private static final InboxItem KNOWLEDGE_REQUEST =
      new InboxItem("r-know", ResourceType.KNOWLEDGE, "ac1z", 500, 2_000);
  private static final List<InboxItem> INBOX =
      List.of(DATA_REQUEST, PRODUCT_REQUEST, KNOWLEDGE_REQUEST);

  @Test
  void aProviderSeesFirstTheKindItsSimilarPeersRatedHighly() {
    // SPEC M-10: alice agrees with bob on HUMAN and PPE; bob loves DATA and dislikes PRODUCT.
    // carol disagrees with alice on everything and loves PRODUCT: her view counts for nothing.
    List<Rating> ratings =
        List.of(
            new Rating("alice", ResourceType.HUMAN, 5), new Rating("alice", ResourceType.PPE, 2),
            new Rating("bob", ResourceType.HUMAN, 5), new Rating("bob", ResourceType.PPE, 2),
            new Rating("bob", ResourceType.DATA, 5), new Rating("bob", ResourceType.PRODUCT, 1),
            new Rating("carol", ResourceType.HUMAN, 1), new Rating("carol", ResourceType.PPE, 5),
            new Rating("carol", ResourceType.PRODUCT, 5),
                new Rating("carol", ResourceType.DATA, 1));
    List<Recommender.Ranked> ranked =
        new Recommender(ratings).rank("alice", INBOX, InboxFilter.none());
    assertThat(ranked)
        .extracting(r -> r.item().requestId())
        .containsExactly("r-data", "r-prod", "r-know");
    // similarity(alice, bob) = 1 - 0/4 = 1.0; (alice, carol) = 1 - (4 + 3) / (4 * 2) = 0.125.
    // DATA: (1.0 * 5 + 0.125 * 1) / 1.125 = 4.555555; PRODUCT: (1.0 * 1 + 0.125 * 5) / 1.125 =
    // 1.444444
    assertThat(ranked.get(0).score()).contains(4_555_555L);
    assertThat(ranked.get(1).score()).contains(1_444_444L);
    assertThat(ranked.get(2).score()).isEmpty();
  }

  @Test
  void coldStartFallsBackToRewardThenDeadlineThenId() {
    // documented cold-start order: reward desc, deadline asc, id asc
    InboxItem sameRewardLater = new InboxItem("r-a", ResourceType.DATA, "ac1x", 500, 3_000);
    InboxItem sameRewardSameDeadline = new InboxItem("r-0", ResourceType.DATA, "ac1x", 500, 2_000);
    List<InboxItem> inbox =
        List.of(
            DATA_REQUEST,
            sameRewardLater,
            KNOWLEDGE_REQUEST,
            PRODUCT_REQUEST,
            sameRewardSameDeadline);
    List<Recommender.Ranked> ranked =
        new Recommender(List.of()).rank("newcomer", inbox, InboxFilter.none());
    assertThat(ranked)
        .extracting(r -> r.item().requestId())
        .containsExactly("r-prod", "r-0", "r-know", "r-a", "r-data");
    assertThat(ranked).allSatisfy(r -> assertThat(r.score()).isEmpty());
  }

  @Test
  void ownRatingsOutrankPredictions() {
    List<Rating> ratings =
        List.of(
            new Rating("alice", ResourceType.KNOWLEDGE, 4),
            new Rating("bob", ResourceType.KNOWLEDGE, 4),
            new Rating("bob", ResourceType.PRODUCT, 3));
    Map<ResourceType, Long> scores = new Recommender(ratings).scores("alice");
    assertThat(scores)
        .containsEntry(ResourceType.KNOWLEDGE, 4_000_000L)
        .containsEntry(ResourceType.PRODUCT, 3_000_000L)
        .doesNotContainKey(ResourceType.DATA);
  }

  @Test
  void filtersByTypeRewardAndRequesterBeforeRanking() {
    Recommender recommender = new Recommender(List.of());
    assertThat(
            recommender.rank(
                "p",
                INBOX,
                new InboxFilter(Set.of(ResourceType.DATA, ResourceType.KNOWLEDGE), 0, Set.of())))
        .extracting(r -> r.item().requestId())
        .containsExactly("r-know", "r-data");
    assertThat(recommender.rank("p", INBOX, new InboxFilter(Set.of(), 500, Set.of())))
        .extracting(r -> r.item().requestId())
        .containsExactly("r-prod", "r-know");
    assertThat(recommender.rank("p", INBOX, new InboxFilter(Set.of(), 0, Set.of("ac1x"))))
        .extracting(Recommender.Ranked::item)
        .containsExactly(DATA_REQUEST);
  }

  @Test
  void similarityIsOneForAgreementAndZeroForOppositeRatings() {
    Map<ResourceType, Integer> a = Map.of(ResourceType.DATA, 5, ResourceType.PPE, 1);
    assertThat(Recommender.similarity(a, Map.of(ResourceType.DATA, 5, ResourceType.PPE, 1)))
        .isEqualTo(1_000_000);
    assertThat(Recommender.similarity(a, Map.of(ResourceType.DATA, 1, ResourceType.PPE, 5)))
        .isZero();
    assertThat(Recommender.similarity(a, Map.of(ResourceType.HUMAN, 3))).isZero();
    assertThat(Optional.of(Recommender.similarity(a, Map.of(ResourceType.DATA, 3))))
        .contains(500_000L);
  }
}
