package org.alliancechain.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.consensus.Fixture;
import org.alliancechain.consensus.msg.Commit;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.consensus.msg.SyncRequest;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.hash.Hash;
import org.junit.jupiter.api.Test;

// SPEC M-27 ("a restarted validator never signs two conflicting messages") for a validator whose
// data folder was wiped: docs/consensus.md, "A validator that lost its log". Config K = 4, L = 8.
class RecoveryTest {
  private final Fixture f = new Fixture(4);
  private final long t0 = f.config.genesisTimeMillis();

  private Replica wiped() {
    return new Replica(
        f.config,
        f.keys.get(1),
        f.validators,
        SignatureVerifier.ED25519,
        new RestartState(0, Optional.empty(), f.config.genesisStateRoot(), List.of(), true));
  }

  private static List<ConsensusMessage> sent(Ready ready) {
    return ready.send().stream().map(Ready.Outgoing::message).toList();
  }

  /** Steps and feeds executed blocks back, as the driver does; returns everything sent. */
  private static List<ConsensusMessage> step(Replica r, Input input) {
    List<ConsensusMessage> all = new ArrayList<>();
    List<Input> inputs = new ArrayList<>(List.of(input));
    while (!inputs.isEmpty()) {
      Ready ready = r.step(inputs.remove(0));
      all.addAll(sent(ready));
      for (var block : ready.commit()) {
        inputs.add(
            new Input.BlockExecuted(
                block.block().height(),
                block.block().hash(),
                f0Root(),
                Optional.<org.alliancechain.core.block.ValidatorChange>empty()));
      }
    }
    return all;
  }

  private static Hash f0Root() {
    return Hash.ZERO; // ConsensusConfig.forTests: the genesis state root, never changed here
  }

  @Test
  void aReplicaThatLostItsLogFirstAsksEveryPeerWhetherTheChainHasBlocks() {
    Replica r = wiped();
    List<ConsensusMessage> out = step(r, new Input.Tick(t0 + 100));
    assertThat(out).hasSize(3).allMatch(m -> m instanceof SyncRequest);
    assertThat(r.recovering()).get().asString().startsWith("probing");
  }

  @Test
  void aFreshChainIsRecognisedWhenAQuorumOfPeersHasNoBlockAndThenItVotes() {
    Replica r = wiped();
    step(r, new Input.Tick(t0 + 100));
    step(r, new Input.Receive(f.signer(2).syncResponse(List.of())));
    assertThat(r.recovering()).isPresent();
    step(r, new Input.Receive(f.signer(3).syncResponse(List.of())));
    assertThat(r.recovering()).isEmpty();
    Block b1 = f.block(1, 0, 0, Fixture.GENESIS, t0 + 100, 1);
    assertThat(step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, b1))))
        .anyMatch(m -> m instanceof Prepare);
  }

  @Test
  void aLateStarterThatSeesTheFirstVotesStillTrustsAQuorumReportingNoBlock() {
    // Found in the suite: two validators of four up first, a transaction, a pre-prepare at seq 1;
    // the two late ones fenced on it and the alliance could never commit (quorum 3 of 4).
    Replica r = wiped();
    step(r, new Input.Tick(t0 + 100));
    Block b1 = f.block(1, 0, 0, Fixture.GENESIS, t0 + 100, 1);
    assertThat(step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, b1))))
        .noneMatch(m -> m instanceof Prepare);
    step(r, new Input.Receive(f.signer(2).syncResponse(List.of())));
    step(r, new Input.Receive(f.signer(3).syncResponse(List.of())));
    assertThat(r.recovering()).isEmpty();
  }

  @Test
  void aWipedReplicaSignsNothingBelowItsFenceAndRejoinsAtAStableCheckpointAboveIt() {
    Replica r = wiped();
    step(r, new Input.Tick(t0 + 100));
    Hash parent = Fixture.GENESIS;
    List<Block> chain = new ArrayList<>();
    for (int seq = 1; seq <= 16; seq++) {
      Block b = f.block(seq, 0, 0, parent, t0 + 100L * seq, 1);
      chain.add(b);
      parent = b.hash();
    }
    List<ConsensusMessage> signedByWiped = new ArrayList<>();
    // Blocks 1..4 certified by the three others; their checkpoints at 4 fix the fence at 4 + L.
    for (int seq = 1; seq <= 12; seq++) {
      signedByWiped.addAll(certifyByOthers(r, seq, chain.get(seq - 1)));
      if (seq % 4 == 0) {
        for (int v : new int[] {0, 2, 3}) {
          signedByWiped.addAll(
              step(r, new Input.Receive(f.signer(v).checkpoint(seq, chain.get(seq - 1).hash()))));
        }
        signedByWiped.addAll(step(r, new Input.Tick(t0 + 100L * seq)));
      }
      if (seq < 12) {
        assertThat(r.recovering()).as("still recovering after block " + seq).isPresent();
      }
    }
    // Followed the chain without one vote (checkpoints of executed blocks are not votes).
    assertThat(r.committedSeq()).isEqualTo(12);
    assertThat(signedByWiped)
        .filteredOn(m -> m.sender().equals(f.keys.get(1).publicKey()))
        .noneMatch(m -> m instanceof Prepare || m instanceof Commit);
    // The fence is 4 + 8 = 12 and the stable checkpoint is 12: it votes again, above it.
    assertThat(r.lowWatermark()).isEqualTo(12);
    assertThat(r.recovering()).isEmpty();
    assertThat(step(r, new Input.Receive(f.signer(0).prePrepare(0, 13, chain.get(12)))))
        .anyMatch(m -> m instanceof Prepare);
  }

  private List<ConsensusMessage> certifyByOthers(Replica r, int seq, Block block) {
    List<ConsensusMessage> out = new ArrayList<>();
    out.addAll(step(r, new Input.Receive(f.signer(0).prePrepare(0, seq, block))));
    for (int v : new int[] {0, 2, 3}) {
      out.addAll(step(r, new Input.Receive(f.signer(v).commit(0, seq, block.hash()))));
    }
    return out;
  }
}
