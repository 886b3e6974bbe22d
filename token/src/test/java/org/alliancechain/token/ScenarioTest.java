package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ContractEffect.PaymentKind;
import org.alliancechain.token.issuance.ContractEffect.Quality;
import org.alliancechain.token.issuance.ContractEffect.TokenPayment;
import org.alliancechain.token.issuance.ProviderShare;
import org.alliancechain.token.state.Account;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Supply;
import org.alliancechain.token.tx.DaoAction;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxKind;
import org.junit.jupiter.api.Test;

/**
 * A scripted scenario of a few hundred blocks per mode with seeded random transactions (valid and
 * not), checking after every transaction that a failure changed nothing and after every block the
 * conservation laws, recomputed here from the accounts. Replay with {@code -Dscenario.seed=N}.
 */
class ScenarioTest {
  private static final int BLOCKS = 300;
  private static final int MEMBERS = 6;

  @Test
  void cooperativeAllianceKeepsEveryInvariant() {
    run(AllianceMode.COOPERATIVE, seed("cooperative"));
  }

  @Test
  void competitiveAllianceKeepsEveryInvariant() {
    run(AllianceMode.COMPETITIVE, seed("competitive"));
  }

  @Test
  void theSameSeedGivesTheSameState() {
    long seed = seed("determinism");
    Harness a = run(AllianceMode.COMPETITIVE, seed);
    Harness b = run(AllianceMode.COMPETITIVE, seed);
    assertThat(a.state.snapshot()).isEqualTo(b.state.snapshot());
  }

  private static long seed(String name) {
    long seed = Long.getLong("scenario.seed", System.nanoTime());
    System.out.println("scenario " + name + " -Dscenario.seed=" + seed);
    return seed;
  }

  private static Harness run(AllianceMode mode, long seed) {
    Harness h =
        new Harness(
            mode,
            MEMBERS,
            Map.of(
                ParamId.DAO_VOTING_PERIOD_BLOCKS, 8L,
                ParamId.AMELIORATION_INTERVAL_BLOCKS, 25L,
                ParamId.STAKE_AGE_CAP_BLOCKS, 50L,
                ParamId.EPOCH_LENGTH_BLOCKS, 20L),
            500,
            5000);
    Scenario s = new Scenario(h, new SplittableRandom(seed), seed);
    int successes = 0;
    for (int b = 0; b < BLOCKS; b++) {
      successes += s.block();
      s.checkInvariants();
    }
    System.out.println(mode + " outcomes " + s.outcomes + " supply " + h.q().supply());
    assertThat(successes).as("seed %d: the scenario did something", seed).isGreaterThan(BLOCKS);
    assertThat(h.q().supply().tokensIssued()).isGreaterThan(MEMBERS * 500L);
    assertThat(h.q().latestReport()).isPresent();
    return h;
  }

  /** The random driver: it remembers contracts, offers and proposals to act on them later. */
  private static final class Scenario {
    private final Harness h;
    private final SplittableRandom random;
    private final long seed;
    private final List<String> contracts = new ArrayList<>();
    private final List<Hash> offers = new ArrayList<>();
    private final List<KeyPair> everyone = new ArrayList<>();
    private int nextContract;
    private long proposals;
    private final java.util.TreeMap<String, Integer> outcomes = new java.util.TreeMap<>();

    Scenario(Harness h, SplittableRandom random, long seed) {
      this.h = h;
      this.random = random;
      this.seed = seed;
      everyone.addAll(h.members);
    }

    int block() {
      int n = random.nextInt(7);
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        txs.add(randomTx());
      }
      BlockContext ctx = h.nextContext(txs.size());
      int ok = 0;
      for (Transaction tx : txs) {
        var before = h.state.snapshot();
        TxOutcome out = h.app.execute(ctx, tx, h.state);
        outcomes.merge(out.code(), 1, Integer::sum);
        if (out.success()) {
          ok++;
        } else {
          assertThat(h.state.snapshot())
              .as("seed %d height %d: failed %s changed state", seed, h.height, out.code())
              .isEqualTo(before);
        }
      }
      h.app.endBlock(ctx, h.state);
      return ok;
    }

    private KeyPair anyone() {
      return everyone.get(random.nextInt(everyone.size()));
    }

    private int member() {
      return random.nextInt(MEMBERS);
    }

    private Transaction randomTx() {
      int pick = random.nextInt(100);
      if (pick < 10) {
        return h.tx(
            anyone(), new TokenTx.TransferTokens(anyone().publicKey(), 1 + random.nextInt(300)));
      } else if (pick < 16) {
        return h.tx(
            anyone(), new TokenTx.TransferMoney(anyone().publicKey(), 1 + random.nextInt(3000)));
      } else if (pick < 20) {
        return h.tx(h.gateway, new TokenTx.Deposit(anyone().publicKey(), 1 + random.nextInt(1000)));
      } else if (pick < 23) {
        return h.tx(anyone(), new TokenTx.Withdraw(1 + random.nextInt(500)));
      } else if (pick < 26) {
        return h.tx(anyone(), new TokenTx.Redeem(1 + random.nextInt(20)));
      } else if (pick < 40) {
        return newContract();
      } else if (pick < 60) {
        return contractStep();
      } else if (pick < 68) {
        return swap();
      } else if (pick < 72) {
        return profit();
      } else if (pick < 82) {
        return dao();
      } else {
        return committee();
      }
    }

    private Transaction newContract() {
      int r = member();
      int p = (r + 1 + random.nextInt(MEMBERS - 1)) % MEMBERS;
      String id = "c" + nextContract++;
      contracts.add(id);
      long amount =
          h.q().mode() == AllianceMode.COOPERATIVE
              ? h.q().params().get(ParamId.REWARD_STANDARD_TOKENS)
              : 10 + random.nextInt(400);
      boolean monetary = random.nextInt(4) == 0;
      var reg =
          new ContractEffect.Registered(
              id, h.pk(r), List.of(new ProviderShare(h.pk(p), 1)), amount, monetary, "DATA");
      List<ContractEffect> effects = new ArrayList<>(List.of(reg));
      if (monetary) {
        effects.add(new ContractEffect.EscrowLock(id, h.pk(p), 1 + random.nextInt(2000)));
      }
      if (random.nextInt(3) == 0) {
        for (int k = 1; k <= 3; k++) {
          h.engine.schedule(
              h.height + 1 + k * 3L,
              new TokenPayment(
                  id, h.pk(p), amount / 3, PaymentKind.INSTALLMENT, Quality.PASSED, ""));
        }
      }
      return h.lifecycle(h.m(r), TxKind.SIGN_CONTRACT, effects.toArray(ContractEffect[]::new));
    }

    private Optional<String> someContract() {
      return contracts.isEmpty()
          ? Optional.empty()
          : Optional.of(contracts.get(random.nextInt(contracts.size())));
    }

    private Transaction contractStep() {
      Optional<String> id = someContract();
      if (id.isEmpty()) {
        return newContract();
      }
      var facts = h.q().contract(id.get());
      if (facts.isEmpty()) {
        return newContract();
      }
      PublicKey receiver = facts.get().receiver();
      PublicKey provider = facts.get().providers().get(0).provider();
      KeyPair sender = keyOf(receiver);
      int pick = random.nextInt(10);
      ContractEffect effect;
      if (pick < 5) {
        Quality q =
            List.of(Quality.PASSED, Quality.FAILED, Quality.UNDECIDABLE)
                .get(random.nextInt(h.q().mode() == AllianceMode.COOPERATIVE ? 1 : 3));
        String kind = "rule" + random.nextInt(3);
        effect =
            new TokenPayment(
                id.get(), provider, facts.get().tokenAmount(), PaymentKind.PAYMENT, q, kind);
      } else if (pick < 6) {
        effect = new ContractEffect.Cancelled(id.get(), random.nextBoolean() ? receiver : provider);
      } else if (pick < 7) {
        effect = new ContractEffect.EscrowRelease(id.get(), receiver, 1 + random.nextInt(2000));
      } else if (pick < 8) {
        effect =
            new ContractEffect.CancellationFee(
                id.get(), receiver, provider, 1 + random.nextInt(100));
      } else if (pick < 9) {
        effect = new ContractEffect.Uninterpretable(id.get(), "unknown function");
      } else {
        effect = new ContractEffect.Escalated(id.get(), "dispute");
      }
      return h.lifecycle(
          sender,
          TxKind.ACK_TRANSFER,
          new ContractEffect.TransferVerified(id.get()),
          new ContractEffect.Executed(id.get()),
          effect);
    }

    private KeyPair keyOf(PublicKey key) {
      for (KeyPair k : everyone) {
        if (k.publicKey().equals(key)) {
          return k;
        }
      }
      return h.m(0);
    }

    private Transaction swap() {
      int pick = random.nextInt(3);
      if (pick == 0 || offers.isEmpty()) {
        KeyPair maker = anyone();
        Transaction tx =
            h.tx(
                maker,
                new TokenTx.SwapOffer(
                    random.nextBoolean(),
                    1 + random.nextInt(100),
                    1 + random.nextInt(1000),
                    Optional.empty(),
                    h.height + 1 + random.nextInt(10)));
        offers.add(tx.hash());
        return tx;
      }
      Hash id = offers.get(random.nextInt(offers.size()));
      return pick == 1
          ? h.tx(anyone(), new TokenTx.SwapFill(id))
          : h.tx(anyone(), new TokenTx.SwapCancel(id));
    }

    private Transaction profit() {
      Optional<String> id = someContract();
      if (id.isEmpty() || h.q().contract(id.get()).isEmpty()) {
        return swap();
      }
      PublicKey receiver = h.q().contract(id.get()).get().receiver();
      return h.tx(
          keyOf(receiver), new TokenTx.DeclareProfit(1 + random.nextInt(2000), List.of(id.get())));
    }

    private Transaction dao() {
      if (proposals == 0 || random.nextInt(3) == 0) {
        proposals++;
        DaoAction action =
            switch (random.nextInt(4)) {
              case 0 ->
                  new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 50 + random.nextInt(100));
              case 1 ->
                  new DaoAction.SetParam(ParamId.REDEMPTION_MONEY_PER_TOKEN, random.nextInt(20));
              case 2 -> new DaoAction.AddValidator(h.pk(member()));
              default -> new DaoAction.SetParam(ParamId.BONUS_TOKENS, random.nextInt(80));
            };
        return h.tx(h.m(member()), new TokenTx.Propose(action));
      }
      long id = 1 + random.nextLong(proposals);
      return h.tx(anyone(), new TokenTx.Vote(id, random.nextInt(4) != 0));
    }

    private Transaction committee() {
      int pick = random.nextInt(3);
      if (pick == 0) {
        Optional<String> id = someContract();
        if (id.isPresent()) {
          return h.tx(anyone(), new TokenTx.RequestSupport(id.get(), "help"));
        }
      }
      if (pick == 1 && proposals > 0) {
        return h.tx(anyone(), new TokenTx.HoldProposal(1 + random.nextLong(proposals)));
      }
      return h.tx(anyone(), new TokenTx.CaseVote(1 + random.nextInt(20), 250 * random.nextInt(5)));
    }

    /**
     * Recomputed here from every account the scenario knows, not read from the ledger's own check.
     */
    void checkInvariants() {
      Supply supply = h.q().supply();
      long tokens = 0;
      long money = 0;
      List<PublicKey> keys = new ArrayList<>();
      everyone.forEach(k -> keys.add(k.publicKey()));
      keys.add(h.gateway.publicKey());
      for (PublicKey key : keys) {
        Account a = h.q().account(key);
        assertThat(a.tokens()).isNotNegative();
        assertThat(a.money()).isNotNegative();
        tokens += a.tokens();
        money += a.money();
      }
      long escrow = 0;
      for (String id : contracts) {
        escrow += h.q().escrowed(id);
      }
      assertThat(tokens)
          .as("seed %d height %d: tokens = issued - burned", seed, h.height)
          .isEqualTo(supply.tokensIssued() - supply.tokensBurned());
      assertThat(escrow).as("seed %d: escrow", seed).isEqualTo(supply.escrowed());
      assertThat(money + escrow)
          .as("seed %d height %d: money conserved except via the gateway", seed, h.height)
          .isEqualTo(supply.moneyDeposited() - supply.moneyWithdrawn());
    }
  }
}
