package org.alliancechain.p2p.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.junit.jupiter.api.Test;

// STYLE.md item 5: a peer that sends garbage is penalised; docs/security.md "peer scoring".
class PeerScoresTest {
  private static final PublicKey PEER = KeyPair.fromSeed(new byte[32]).publicKey();
  private static final PublicKey OTHER = KeyPair.fromSeed(seed(7)).publicKey();

  private static byte[] seed(int b) {
    byte[] s = new byte[32];
    s[0] = (byte) b;
    return s;
  }

  private final PeerScores scores = new PeerScores(1_000, 30_000, 120_000);

  @Test
  void aPeerIsBannedWhenItsScoreReachesZeroAndNotBefore() {
    for (int i = 0; i < 9; i++) {
      assertThat(scores.penalize(PEER, 10, 0)).isEqualTo(PeerScores.Outcome.SCORED);
    }
    assertThat(scores.score(PEER, 0)).isEqualTo(10);
    assertThat(scores.isBanned(PEER, 0)).isFalse();
    assertThat(scores.penalize(PEER, 10, 0)).isEqualTo(PeerScores.Outcome.BANNED);
    assertThat(scores.isBanned(PEER, 0)).isTrue();
    assertThat(scores.banRemainingMillis(PEER, 1_000)).isEqualTo(29_000);
    assertThat(scores.isBanned(OTHER, 0)).isFalse();
    assertThat(scores.bannedCount(0)).isEqualTo(1);
  }

  @Test
  void theBanEndsAfterItsTimeWithAFullScore() {
    drain(PEER, 0);
    assertThat(scores.isBanned(PEER, 29_999)).isTrue();
    assertThat(scores.isBanned(PEER, 30_000)).isFalse();
    assertThat(scores.score(PEER, 30_000)).isEqualTo(PeerScores.SCORE_MAX);
  }

  @Test
  void eachFurtherBanLastsTwiceAsLongUpToTheCap() {
    long now = 0;
    long[] expected = {30_000, 60_000, 120_000, 120_000};
    for (long length : expected) {
      drain(PEER, now);
      assertThat(scores.banRemainingMillis(PEER, now)).isEqualTo(length);
      now += length;
    }
  }

  @Test
  void scoreGrowsBackOnePointPerRecoveryPeriodSoRareFaultsNeverBan() {
    // One invalid message every 10 s costs 10 points and 10 s give them back.
    for (int i = 0; i < 1_000; i++) {
      assertThat(scores.penalize(PEER, 10, i * 10_000L)).isEqualTo(PeerScores.Outcome.SCORED);
    }
    assertThat(scores.score(PEER, 10_000_000L)).isEqualTo(PeerScores.SCORE_MAX);
    scores.penalize(OTHER, 50, 0);
    assertThat(scores.score(OTHER, 25_000)).isEqualTo(75);
    assertThat(scores.score(OTHER, 49_999)).isEqualTo(99);
    assertThat(scores.score(OTHER, 500_000)).isEqualTo(PeerScores.SCORE_MAX);
  }

  @Test
  void penaltiesDuringABanDoNotLengthenIt() {
    drain(PEER, 0);
    assertThat(scores.penalize(PEER, 100, 10)).isEqualTo(PeerScores.Outcome.BANNED);
    assertThat(scores.banRemainingMillis(PEER, 0)).isEqualTo(30_000);
  }

  private void drain(PublicKey peer, long now) {
    PeerScores.Outcome last = PeerScores.Outcome.SCORED;
    for (int i = 0; i < 10 && last == PeerScores.Outcome.SCORED; i++) {
      last = scores.penalize(peer, 10, now);
    }
    assertThat(last).isEqualTo(PeerScores.Outcome.BANNED);
  }
}
