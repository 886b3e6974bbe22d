package org.alliancechain.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.alliancechain.consensus.Fixture;
import org.alliancechain.consensus.core.InMemoryConsensusStore;
import org.alliancechain.consensus.core.Replica;
import org.alliancechain.consensus.core.RestartState;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// STYLE.md item 3: one thread per replica, bounded inbox, persist before send; real threads here.
class ConsensusDriverTest {
  private static final int TXS = 12;

  /** Stores blocks in memory; counts down when the node has every transaction. */
  private static final class MemoryExecutor implements BlockExecutor {
    final List<CertifiedBlock> chain = new CopyOnWriteArrayList<>();
    final CountDownLatch allCommitted;
    Hash root = Hash.ZERO;
    int txs;

    final long executeMillis;
    final int expectedTxs;

    MemoryExecutor(CountDownLatch allCommitted) {
      this(allCommitted, 0, TXS);
    }

    MemoryExecutor(CountDownLatch allCommitted, long executeMillis, int expectedTxs) {
      this.allCommitted = allCommitted;
      this.executeMillis = executeMillis;
      this.expectedTxs = expectedTxs;
    }

    @Override
    public Executed execute(CertifiedBlock block) {
      if (executeMillis > 0) {
        try {
          Thread.sleep(executeMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      chain.add(block);
      root = Sha256.hash(root.toBytes(), block.block().hash().toBytes());
      txs += block.block().transactions().size();
      if (txs == expectedTxs) {
        allCommitted.countDown();
      }
      return new Executed(root, Optional.empty());
    }

    @Override
    public Optional<CertifiedBlock> load(long height) {
      return height >= 1 && height <= chain.size()
          ? Optional.of(chain.get((int) height - 1))
          : Optional.empty();
    }
  }

  // docs/benchmarks.md, session 4: the inbox is bounded by the transactions its messages carry.
  @Test
  void theInboxRefusesProposalsOverItsTransactionBoundUnlessNothingElseWaits() {
    assertThat(ConsensusDriver.admits(0, 0, 100)).isTrue();
    assertThat(ConsensusDriver.admits(90, 10, 100)).isTrue();
    assertThat(ConsensusDriver.admits(91, 10, 100)).isFalse();
    assertThat(ConsensusDriver.admits(1_000, 0, 100)).as("votes carry none").isTrue();
    assertThat(ConsensusDriver.admits(0, 500, 100)).as("alone, a big new-view gets in").isTrue();
  }

  @Test
  void aDriverDropsTheProposalThatWouldTakeItsInboxOverTheBound() {
    Fixture f = new Fixture(4);
    ConsensusDriver driver =
        new ConsensusDriver(
            new Replica(
                f.config,
                f.keys.get(1),
                f.validators,
                SignatureVerifier.ED25519,
                RestartState.fresh(f.config.genesisStateRoot())),
            new InMemoryNetwork().endpoint(f.keys.get(1).publicKey()),
            new InMemoryConsensusStore(),
            new MemoryExecutor(new CountDownLatch(1)),
            new Signing(Fixture.CHAIN, f.keys.get(1)),
            Clock.systemUTC(),
            5,
            "bound");
    int perBlock = 1_000;
    var pp =
        f.signer(0)
            .prePrepare(
                0, 1, f.block(1, 0, 0, Fixture.GENESIS, f.config.genesisTimeMillis(), perBlock));
    int fit = org.alliancechain.consensus.ConsensusLimits.DRIVER_INBOX_TXS_MAX / perBlock;
    for (int i = 0; i < fit; i++) {
      assertThat(driver.onMessage(pp)).as("proposal %d", i).isTrue();
    }
    assertThat(driver.onMessage(pp)).isFalse();
    assertThat(driver.droppedInputs()).isEqualTo(1);
    assertThat(driver.onMessage(f.signer(2).prepare(0, 1, pp.block().hash()))).isTrue();
    // A view-change carrying a prepared block is never refused for the bound.
    var prepared =
        new org.alliancechain.consensus.msg.PreparedCertificate(
            pp,
            List.of(
                f.signer(1).prepare(0, 1, pp.block().hash()),
                f.signer(2).prepare(0, 1, pp.block().hash())));
    assertThat(
            driver.onMessage(
                f.signer(3).viewChange(1, 0, Fixture.GENESIS, List.of(), List.of(prepared))))
        .isTrue();
  }

  @Test
  void fourDriversOnAnInMemoryNetworkCommitTheSameChain() throws InterruptedException {
    runFour(new Fixture(4), 5, 0, TXS);
  }

  // TickSchedule: executing a block for longer than the view-change timeout (24 ticks of 10 ms
  // here) is not the primary's delay. Before, the ticks missed while executing were delivered in a
  // burst afterwards and every replica's request timer expired (docs/benchmarks.md, session 7).
  @Test
  void blocksThatTakeLongerToExecuteThanTheTimeoutCauseNoViewChange() throws InterruptedException {
    for (Running node : runFour(new Fixture(4), 10, 500, 32)) {
      // Read after the driver's thread stopped.
      assertThat(node.replica().view()).isZero();
      assertThat(node.driver().skippedTicks()).as("ticks skipped while executing").isPositive();
    }
  }

  private record Running(ConsensusDriver driver, Replica replica) {}

  private static List<Running> runFour(Fixture f, long tickMillis, long executeMillis, int txs)
      throws InterruptedException {
    InMemoryNetwork network = new InMemoryNetwork();
    CountDownLatch done = new CountDownLatch(4);
    List<ConsensusDriver> drivers = new ArrayList<>();
    List<Running> running = new ArrayList<>();
    List<MemoryExecutor> executors = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      MemoryExecutor executor = new MemoryExecutor(done, executeMillis, txs);
      Replica replica =
          new Replica(
              f.config,
              f.keys.get(i),
              f.validators,
              SignatureVerifier.ED25519,
              RestartState.fresh(f.config.genesisStateRoot()));
      ConsensusDriver driver =
          new ConsensusDriver(
              replica,
              network.endpoint(f.keys.get(i).publicKey()),
              new InMemoryConsensusStore(),
              executor,
              new Signing(Fixture.CHAIN, f.keys.get(i)),
              Clock.systemUTC(),
              tickMillis,
              "test-" + i);
      network.register(
          f.keys.get(i).publicKey(),
          new InMemoryNetwork.Receiver() {
            @Override
            public void onMessage(byte[] bytes) {
              driver.onMessage(bytes);
            }

            @Override
            public void onTransaction(Transaction tx) {
              driver.submit(tx);
            }
          });
      drivers.add(driver);
      running.add(new Running(driver, replica));
      executors.add(executor);
    }
    drivers.forEach(ConsensusDriver::start);
    try {
      for (int n = 0; n < txs; n++) {
        Transaction tx = Fixture.tx(n);
        drivers.forEach(d -> d.submit(tx));
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).as("all nodes committed every tx").isTrue();
    } finally {
      for (ConsensusDriver d : drivers) {
        d.stop();
      }
    }
    int height = executors.stream().mapToInt(e -> e.chain.size()).min().orElseThrow();
    for (int h = 0; h < height; h++) {
      Hash expected = executors.get(0).chain.get(h).block().hash();
      for (MemoryExecutor e : executors) {
        assertThat(e.chain.get(h).block().hash()).isEqualTo(expected);
        assertThat(e.chain.get(h).verify(f.validators).isOk()).isTrue();
      }
    }
    return running;
  }
}
