package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.alliancechain.contracts.sharing.Acceptance;
import org.alliancechain.contracts.sharing.BroadcastOption;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.QualityRequirement;
import org.alliancechain.contracts.sharing.Request;
import org.alliancechain.contracts.sharing.ResourceType;
import org.alliancechain.contracts.sharing.SharingLifecycle.DraftTerms;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.engine.ContractsEngine;
import org.alliancechain.token.engine.Lifecycle;
import org.alliancechain.token.state.Account;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Supply;
import org.alliancechain.token.tx.TokenTx;
import org.junit.jupiter.api.Test;

/**
 * The whole sharing workflow through the real contracts engine, a few hundred blocks per mode:
 * random requests, offers, acceptances, signatures, receipts (with and without quality metadata),
 * cancellations and committee votes, seeded (replay with {@code -Dworkflow.seed=N}). After every
 * transaction a failure must have changed nothing; after every block the conservation laws hold.
 */
class WorkflowScenarioTest {
  private static final int BLOCKS = 250;
  private static final int MEMBERS = 5;

  @Test
  void cooperativeWorkflowsKeepEveryInvariant() {
    run(AllianceMode.COOPERATIVE);
  }

  @Test
  void competitiveWorkflowsKeepEveryInvariant() {
    run(AllianceMode.COMPETITIVE);
  }

  private static void run(AllianceMode mode) {
    long seed = Long.getLong("workflow.seed", System.nanoTime());
    System.out.println("workflow " + mode + " -Dworkflow.seed=" + seed);
    Harness h =
        new Harness(
            mode,
            MEMBERS,
            Map.of(
                ParamId.AMELIORATION_INTERVAL_BLOCKS, 30L, ParamId.BONUS_EVERY_CONTRIBUTIONS, 3L),
            200,
            3000,
            new ContractsEngine());
    Driver d = new Driver(h, mode, new SplittableRandom(seed), seed);
    for (int b = 0; b < BLOCKS; b++) {
      d.block();
      d.checkInvariants();
    }
    System.out.println(mode + " workflow outcomes " + d.outcomes + " supply " + h.q().supply());
    assertThat(d.outcomes.getOrDefault("ok", 0)).isGreaterThan(BLOCKS);
    assertThat(h.q().supply().tokensIssued())
        .as("seed %d: contracts paid out", seed)
        .isGreaterThan(MEMBERS * 200L);
  }

  private record Req(String id, int requester, List<String> offerIds, List<Integer> providers) {}

  private record Con(
      String id,
      int receiver,
      List<Integer> providers,
      List<Integer> unsigned,
      java.util.concurrent.atomic.AtomicInteger period) {}

  private static final class Driver {
    private final Harness h;
    private final AllianceMode mode;
    private final SplittableRandom random;
    private final long seed;
    private final List<Req> requests = new ArrayList<>();
    private final List<Con> contracts = new ArrayList<>();
    final TreeMap<String, Integer> outcomes = new TreeMap<>();
    private int next;

    Driver(Harness h, AllianceMode mode, SplittableRandom random, long seed) {
      this.h = h;
      this.mode = mode;
      this.random = random;
      this.seed = seed;
    }

    void block() {
      int n = 1 + random.nextInt(4);
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        txs.add(randomTx());
      }
      BlockContext ctx = h.nextContext(txs.size());
      for (Transaction tx : txs) {
        var before = h.state.snapshot();
        TxOutcome out = h.app.execute(ctx, tx, h.state);
        outcomes.merge(out.code(), 1, Integer::sum);
        if (!out.success()) {
          assertThat(h.state.snapshot())
              .as("seed %d height %d: failed %s changed state", seed, h.height, out.code())
              .isEqualTo(before);
        }
      }
      h.app.endBlock(ctx, h.state);
    }

    private Transaction life(int sender, Lifecycle body) {
      return h.raw(
          h.m(sender),
          body.kind().code(),
          ContractsEngine.encode(org.alliancechain.token.engine.TestSealing.forMode(mode, body)));
    }

    private long now() {
      return h.height + 1;
    }

    private Transaction randomTx() {
      int pick = random.nextInt(100);
      if (pick < 12 || requests.isEmpty()) {
        return request();
      } else if (pick < 27) {
        return offer();
      } else if (pick < 37) {
        return accept();
      } else if (pick < 62) {
        return sign();
      } else if (pick < 82) {
        return acknowledge();
      } else if (pick < 85) {
        Con c = contracts.isEmpty() ? null : contracts.get(random.nextInt(contracts.size()));
        return c == null ? request() : life(party(c), new Lifecycle.Cancel(c.id()));
      } else if (pick < 94) {
        return h.tx(
            h.m(random.nextInt(MEMBERS)), new TokenTx.CaseVote(1 + random.nextInt(10), 500));
      }
      return h.tx(
          h.m(random.nextInt(MEMBERS)),
          new TokenTx.TransferTokens(h.pk(random.nextInt(MEMBERS)), 1 + random.nextInt(50)));
    }

    /** Mostly one of the latest items, so workflows get completed. */
    private <T> T recent(List<T> items) {
      int window = Math.min(items.size(), random.nextInt(8) == 0 ? items.size() : 3);
      return items.get(items.size() - 1 - random.nextInt(window));
    }

    private int party(Con c) {
      return random.nextBoolean() ? c.receiver() : c.providers().get(0);
    }

    private Transaction request() {
      int r = random.nextInt(MEMBERS);
      String id = "r" + next++;
      boolean money = random.nextInt(4) == 0;
      long reward =
          mode == AllianceMode.COOPERATIVE
              ? h.q().params().get(ParamId.REWARD_STANDARD_TOKENS)
              : 20 + random.nextInt(300);
      List<QualityRequirement> quality =
          mode == AllianceMode.COMPETITIVE && random.nextBoolean()
              ? List.of(new QualityRequirement("patent_value", 1000))
              : List.of();
      Request request =
          new Request(
              id,
              org.alliancechain.contracts.sharing.AllianceMode.valueOf(mode.name()),
              org.alliancechain.core.crypto.Address.of(h.pk(r)).toText(),
              "corp-" + r,
              money ? ResourceType.MONEY : ResourceType.DATA,
              "need",
              money ? 1 + random.nextInt(800) : 1,
              quality,
              reward,
              now() + 20 + random.nextInt(100),
              mode == AllianceMode.COMPETITIVE
                  ? Optional.of(BroadcastOption.ALLIANCE_WIDE)
                  : Optional.empty());
      requests.add(new Req(id, r, new ArrayList<>(), new ArrayList<>()));
      return life(r, new Lifecycle.SubmitRequest(request));
    }

    private Transaction offer() {
      Req req = recent(requests);
      int p = (req.requester() + 1 + random.nextInt(MEMBERS - 1)) % MEMBERS;
      String id = "o" + next++;
      req.offerIds().add(id);
      req.providers().add(p);
      return life(
          p,
          new Lifecycle.SubmitOffer(
              new Offer(
                  id,
                  req.id(),
                  org.alliancechain.core.crypto.Address.of(h.pk(p)).toText(),
                  "corp-" + p,
                  "d",
                  "p",
                  10)));
    }

    private Transaction accept() {
      Req req = recent(requests);
      if (req.offerIds().isEmpty()) {
        return offer();
      }
      int count = mode == AllianceMode.COOPERATIVE ? 1 + random.nextInt(2) : 1;
      List<Acceptance.Accepted> accepted = new ArrayList<>();
      List<Integer> providers = new ArrayList<>();
      for (int i = 0; i < Math.min(count, req.offerIds().size()); i++) {
        accepted.add(new Acceptance.Accepted(req.offerIds().get(i), 1 + random.nextInt(3)));
        providers.add(req.providers().get(i));
      }
      String id = "c" + next++;
      List<Integer> unsigned = new ArrayList<>(providers);
      unsigned.add(req.requester());
      contracts.add(
          new Con(
              id,
              req.requester(),
              providers,
              unsigned,
              new java.util.concurrent.atomic.AtomicInteger()));
      DraftTerms terms =
          new DraftTerms(
              now(),
              now() + 5 + random.nextInt(60),
              1 + random.nextInt(3),
              random.nextInt(20),
              random.nextInt(30),
              false);
      return life(
          req.requester(),
          new Lifecycle.AcceptOffers(new Acceptance(req.id(), accepted), id, terms));
    }

    private Transaction sign() {
      if (contracts.isEmpty()) {
        return accept();
      }
      Con c = recent(contracts);
      if (c.unsigned().isEmpty() || random.nextInt(10) == 0) {
        return life(c.receiver(), new Lifecycle.Sign(c.id()));
      }
      int signer = c.unsigned().get(0);
      c.unsigned().remove((Object) signer);
      return life(signer, new Lifecycle.Sign(c.id()));
    }

    private Transaction acknowledge() {
      if (contracts.isEmpty()) {
        return accept();
      }
      Con c = recent(contracts);
      TreeMap<String, Long> metadata = new TreeMap<>();
      if (random.nextInt(3) != 0) {
        metadata.put("patent_value", (long) random.nextInt(3000));
      }
      int period = random.nextInt(5) == 0 ? random.nextInt(3) : c.period().getAndIncrement();
      return life(c.receiver(), new Lifecycle.AckTransfer(c.id(), period, metadata));
    }

    void checkInvariants() {
      Supply supply = h.q().supply();
      long tokens = 0;
      long money = 0;
      List<PublicKey> keys = new ArrayList<>();
      for (int i = 0; i < MEMBERS; i++) {
        keys.add(h.pk(i));
      }
      keys.add(h.gateway.publicKey());
      for (PublicKey key : keys) {
        Account a = h.q().account(key);
        assertThat(a.tokens()).isNotNegative();
        assertThat(a.money()).isNotNegative();
        tokens += a.tokens();
        money += a.money();
      }
      long escrow = 0;
      for (Con c : contracts) {
        escrow += h.q().escrowed(c.id());
      }
      assertThat(tokens)
          .as("seed %d height %d: tokens = issued - burned", seed, h.height)
          .isEqualTo(supply.tokensIssued() - supply.tokensBurned());
      assertThat(money + escrow)
          .as("seed %d height %d: money conserved except via the gateway", seed, h.height)
          .isEqualTo(supply.moneyDeposited() - supply.moneyWithdrawn());
    }
  }
}
