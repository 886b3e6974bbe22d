package org.alliancechain.consensus.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.alliancechain.consensus.Fixture;
import org.alliancechain.consensus.core.Input;
import org.alliancechain.consensus.core.PersistRecord;
import org.alliancechain.consensus.core.Ready;
import org.alliancechain.consensus.core.Replica;
import org.alliancechain.consensus.core.RestartState;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.store.RocksStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-27/M-28: the consensus log survives a restart of the process in RocksDB.
class AreaConsensusStoreTest {
  private final Fixture f = new Fixture(4);

  private Replica replica(List<PersistRecord> log) {
    return new Replica(
        f.config,
        f.keys.get(1),
        f.validators,
        SignatureVerifier.ED25519,
        new RestartState(0, Optional.empty(), f.config.genesisStateRoot(), log));
  }

  @Test
  void aReplicaRestartedFromRocksDbNeverPreparesAConflictingBlock(@TempDir Path dir) {
    long t = f.config.genesisTimeMillis();
    Block first = f.block(1, 0, 0, Fixture.GENESIS, t + 100, 2);
    Block second = f.block(1, 0, 0, Fixture.GENESIS, t + 100, 1);
    List<PersistRecord> saved;
    try (RocksStore rocks = RocksStore.open(dir, Fixture.CHAIN)) {
      AreaConsensusStore store = new AreaConsensusStore(rocks.consensus());
      Replica r = replica(List.of());
      store.save(r.step(new Input.Tick(t + 100)).persist());
      store.save(r.step(new Input.Receive(f.signer(0).prePrepare(0, 1, first))).persist());
      saved = store.load();
    }
    assertThat(saved).hasSize(1);
    try (RocksStore rocks = RocksStore.open(dir, Fixture.CHAIN)) {
      AreaConsensusStore store = new AreaConsensusStore(rocks.consensus());
      assertThat(store.load()).isEqualTo(saved);
      Replica restarted = replica(store.load());
      restarted.step(new Input.Tick(t + 200));
      Ready ready = restarted.step(new Input.Receive(f.signer(0).prePrepare(0, 1, second)));
      List<ConsensusMessage> sent = ready.send().stream().map(Ready.Outgoing::message).toList();
      assertThat(sent).noneMatch(m -> m instanceof Prepare);
    }
  }

  @Test
  void aStableCheckpointPrunesTheLogBelowIt(@TempDir Path dir) {
    Block block = f.block(1, 0, 0, Fixture.GENESIS, 2_000_000, 1);
    try (RocksStore rocks = RocksStore.open(dir, Fixture.CHAIN)) {
      AreaConsensusStore store = new AreaConsensusStore(rocks.consensus());
      store.save(
          List.of(
              new PersistRecord.Signed(f.signer(1).prepare(0, 1, block.hash()), 1),
              new PersistRecord.Signed(f.signer(1).prepare(0, 9, block.hash()), 9)));
      store.save(List.of(new PersistRecord.StableCheckpoint(4, block.hash(), List.of())));
      assertThat(store.load())
          .containsExactlyInAnyOrder(
              new PersistRecord.StableCheckpoint(4, block.hash(), List.of()),
              new PersistRecord.Signed(f.signer(1).prepare(0, 9, block.hash()), 9));
    }
  }
}
