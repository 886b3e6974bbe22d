package org.alliancechain.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.alliancechain.consensus.Fixture;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.Reason;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// Castro–Liskov §4.2 normal case and SPEC M-27 persistence, on one backup replica (index 1).
class ReplicaTest {
  private final Fixture f = new Fixture(4);
  private final InMemoryConsensusStore store = new InMemoryConsensusStore();

  private Replica backup() {
    return fresh(1);
  }

  private Replica fresh(int index) {
    return fresh(index, TxPool.inMemory());
  }

  private Replica fresh(int index, TxPool pool) {
    return new Replica(
        f.config,
        f.keys.get(index),
        f.validators,
        SignatureVerifier.ED25519,
        RestartState.fresh(f.config.genesisStateRoot()),
        pool);
  }

  private Ready step(Replica r, Input input) {
    Ready ready = r.step(input);
    store.save(ready.persist());
    return ready;
  }

  private static List<ConsensusMessage> sent(Ready ready) {
    return ready.send().stream().map(Ready.Outgoing::message).toList();
  }

  private Block blockAt1(int txs) {
    return f.block(1, 0, 0, Fixture.GENESIS, f.config.genesisTimeMillis() + 100, txs);
  }

  @Test
  void aBackupPersistsItsPrepareBeforeSendingIt() {
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    Ready ready = step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, blockAt1(2))));
    assertThat(sent(ready)).singleElement().isInstanceOf(Prepare.class);
    assertThat(ready.persist()).containsExactly(new PersistRecord.Signed(sent(ready).get(0), 1));
  }

  @Test
  void rejectsMessagesOfAnotherViewAndBeyondTheHighWatermark() {
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    step(r, new Input.Receive(f.signer(2).prepare(3, 1, blockAt1(1).hash())));
    assertThat(r.rejections()).containsEntry(Reason.WRONG_VIEW, 1L);
    Block far = f.block(9, 0, 0, Fixture.GENESIS, f.config.genesisTimeMillis() + 100, 1);
    step(r, new Input.Receive(f.signer(0).prePrepare(0, 9, far)));
    assertThat(r.rejections()).containsEntry(Reason.OUTSIDE_WATERMARKS, 1L);
  }

  @Test
  void aRepeatedMessageIsADuplicateAndChangesNothing() {
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    PrePrepare pp = f.signer(0).prePrepare(0, 1, blockAt1(1));
    step(r, new Input.Receive(pp));
    Ready again = step(r, new Input.Receive(pp));
    assertThat(again.isEmpty()).isTrue();
    assertThat(r.rejections()).containsEntry(Reason.DUPLICATE, 1L);
  }

  // The duplicate check compares headers, not bodies (docs/benchmarks.md, session 4): a copy
  // decoded
  // from the wire is a duplicate; another block at the same slot is not, whatever it carries.
  @Test
  void aDecodedCopyIsADuplicateButAnotherBlockForTheSameSlotIsNot() throws Exception {
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    PrePrepare pp = f.signer(0).prePrepare(0, 1, blockAt1(2));
    step(r, new Input.Receive(pp));
    PrePrepare copy =
        (PrePrepare)
            org.alliancechain.consensus.msg.MessageCodec.decode(
                org.alliancechain.consensus.msg.MessageCodec.encode(pp));
    step(r, new Input.Receive(copy));
    assertThat(r.rejections()).containsEntry(Reason.DUPLICATE, 1L);
    PrePrepare other = f.signer(0).prePrepare(0, 1, blockAt1(3));
    step(r, new Input.Receive(other));
    assertThat(r.rejections()).containsEntry(Reason.DUPLICATE, 1L);
    assertThat(r.rejections().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
  }

  @Test
  void aBlockTimeTooFarAheadIsRejectedAndStartsAViewChange() {
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    Block future = f.block(1, 0, 0, Fixture.GENESIS, f.config.genesisTimeMillis() + 1_000_000, 1);
    Ready ready = step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, future)));
    assertThat(r.rejections()).containsEntry(Reason.TIMESTAMP, 1L);
    assertThat(r.state()).isEqualTo(ReplicaState.VIEW_CHANGE);
    assertThat(r.view()).isEqualTo(1);
    assertThat(sent(ready)).anyMatch(m -> m instanceof org.alliancechain.consensus.msg.ViewChange);
  }

  @Test
  void aRestartedReplicaNeverPreparesAConflictingBlock() {
    // SPEC M-27: what a validator signed is persisted before it is sent, and reloaded.
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, blockAt1(2))));
    Replica restarted =
        new Replica(
            f.config,
            f.keys.get(1),
            f.validators,
            SignatureVerifier.ED25519,
            new RestartState(
                0, java.util.Optional.empty(), f.config.genesisStateRoot(), store.load()));
    restarted.step(new Input.Tick(f.config.genesisTimeMillis() + 200));
    Ready ready = restarted.step(new Input.Receive(f.signer(0).prePrepare(0, 1, blockAt1(1))));
    assertThat(sent(ready)).noneMatch(m -> m instanceof Prepare);
    // What it re-sends is the prepare it signed before the crash, for the first block.
    List<ConsensusMessage> resent = List.of();
    for (int i = 0; i < f.config.retransmitTicks() && resent.isEmpty(); i++) {
      resent = sent(restarted.step(new Input.Tick(f.config.genesisTimeMillis() + 300 + i)));
    }
    assertThat(resent)
        .filteredOn(m -> m instanceof Prepare)
        .singleElement()
        .satisfies(m -> assertThat(((Prepare) m).digest()).isEqualTo(blockAt1(2).hash()));
  }

  // docs/benchmarks.md, session 4: a primary that keeps committing re-sends its proposals once in
  // PROPOSALS_RESENT_EVERY_PERIODS_MAX retransmission periods, not every period.
  @Test
  void aPrimaryThatKeepsCommittingResendsItsProposalsOnlyNowAndThen() {
    Replica primary = fresh(0);
    long[] t = {f.config.genesisTimeMillis() + 100};
    step(primary, new Input.Tick(t[0]));
    int nonce = 0;
    long seq = 0;
    List<Integer> periodsWithProposals = new java.util.ArrayList<>();
    int periods =
        2 * org.alliancechain.consensus.ConsensusLimits.PROPOSALS_RESENT_EVERY_PERIODS_MAX;
    for (int period = 0; period < periods; period++) {
      // One block proposed and committed per period: the primary never stalls.
      step(primary, new Input.SubmitTx(Fixture.tx(nonce++)));
      PrePrepare proposed = null;
      List<ConsensusMessage> resent = new java.util.ArrayList<>();
      for (int i = 0; i < f.config.retransmitTicks(); i++) {
        for (ConsensusMessage m : sent(step(primary, new Input.Tick(++t[0])))) {
          if (m instanceof PrePrepare pp && pp.seq() > seq && proposed == null) {
            proposed = pp;
          } else {
            resent.add(m);
          }
        }
      }
      if (resent.stream().anyMatch(m -> m instanceof PrePrepare)) {
        periodsWithProposals.add(period);
      }
      long committedBefore = seq;
      assertThat(resent)
          .filteredOn(m -> m instanceof PrePrepare)
          .as("re-sent proposals in period %d", period)
          .allSatisfy(m -> assertThat(((PrePrepare) m).seq()).isGreaterThan(committedBefore));
      assertThat(proposed).as("proposal in period %d", period).isNotNull();
      seq = proposed.seq();
      for (int v = 1; v <= 2; v++) {
        step(primary, new Input.Receive(f.signer(v).prepare(0, seq, proposed.block().hash())));
      }
      Ready ready = null;
      for (int v = 1; v <= 2; v++) {
        ready =
            step(primary, new Input.Receive(f.signer(v).commit(0, seq, proposed.block().hash())));
      }
      assertThat(ready.commit()).as("committed in period %d", period).isNotEmpty();
      Ready executed =
          step(
              primary,
              new Input.BlockExecuted(
                  seq, proposed.block().hash(), f.config.genesisStateRoot(), Optional.empty()));
      // Checkpoints from two others make the primary's own stable, so the window moves on.
      for (ConsensusMessage m : sent(executed)) {
        if (m instanceof org.alliancechain.consensus.msg.Checkpoint c) {
          for (int v = 1; v <= 2; v++) {
            step(primary, new Input.Receive(f.signer(v).checkpoint(c.seq(), c.digest())));
          }
        }
      }
    }
    // Before: every period with a proposal in the window re-sent it (all 16 here). Session 6: only
    // the proposal not yet committed is re-sent (above).
    assertThat(periodsWithProposals).hasSizeBetween(1, 3);
  }

  // docs/benchmarks.md, session 6: a stalled primary re-sends the proposal still waiting for its
  // commit every period, and not the blocks it committed (a replica that missed one fetches it).
  @Test
  void aStalledPrimaryResendsOnlyTheProposalNotYetCommitted() {
    Replica primary = fresh(0);
    long t = f.config.genesisTimeMillis() + 100;
    step(primary, new Input.Tick(t));
    List<PrePrepare> proposals = new java.util.ArrayList<>();
    for (int nonce = 0; nonce < 2; nonce++) {
      step(primary, new Input.SubmitTx(Fixture.tx(nonce)));
      for (int i = 0; i < f.config.retransmitTicks() && proposals.size() == nonce; i++) {
        for (ConsensusMessage m : sent(step(primary, new Input.Tick(++t)))) {
          if (m instanceof PrePrepare pp) {
            proposals.add(pp);
          }
        }
      }
      assertThat(proposals).as("proposal %d", nonce).hasSize(nonce + 1);
      if (nonce == 0) {
        PrePrepare first = proposals.get(0);
        Hash digest = first.block().hash();
        for (int v = 1; v <= 2; v++) {
          step(primary, new Input.Receive(f.signer(v).prepare(0, first.seq(), digest)));
        }
        Ready ready = null;
        for (int v = 1; v <= 2; v++) {
          ready = step(primary, new Input.Receive(f.signer(v).commit(0, first.seq(), digest)));
        }
        assertThat(ready.commit()).isNotEmpty();
      }
    }
    long committed = proposals.get(0).seq();
    long waiting = proposals.get(1).seq();
    java.util.Set<Long> resentSeqs = new java.util.TreeSet<>();
    for (int i = 0; i < 3 * f.config.retransmitTicks(); i++) {
      for (ConsensusMessage m : sent(step(primary, new Input.Tick(++t)))) {
        if (m instanceof PrePrepare pp) {
          resentSeqs.add(pp.seq());
        }
      }
    }
    assertThat(resentSeqs).contains(waiting).doesNotContain(committed);
  }

  // docs/benchmarks.md, session 4: a view-change is re-sent after 1, 2, 4, 8, 16, 16 ... periods.
  @Test
  void aReplicaInAViewChangeResendsItWithExponentialBackoff() {
    Replica r = backup();
    long t = f.config.genesisTimeMillis() + 100;
    step(r, new Input.Tick(t));
    Block future = f.block(1, 0, 0, Fixture.GENESIS, f.config.genesisTimeMillis() + 1_000_000, 1);
    step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, future))); // starts a view change
    assertThat(r.state()).isEqualTo(ReplicaState.VIEW_CHANGE);
    int period = f.config.retransmitTicks();
    int limit = org.alliancechain.consensus.ConsensusLimits.VIEW_CHANGE_RESEND_DOUBLINGS_MAX;
    List<Integer> resentAtTick = new java.util.ArrayList<>();
    // Alone in the view change, it has no new-view timer: it stays in view 1 and keeps re-sending.
    for (int tick = 1; tick <= 64 * period && r.view() == 1; tick++) {
      boolean resent =
          sent(step(r, new Input.Tick(t + tick))).stream()
              .anyMatch(m -> m instanceof org.alliancechain.consensus.msg.ViewChange);
      if (resent) {
        resentAtTick.add(tick);
      }
    }
    assertThat(r.view()).isEqualTo(1);
    assertThat(resentAtTick).hasSizeGreaterThanOrEqualTo(limit + 2);
    for (int i = 1; i < resentAtTick.size(); i++) {
      int gap = resentAtTick.get(i) - resentAtTick.get(i - 1);
      assertThat(gap).as("gap %d", i).isGreaterThanOrEqualTo(period << Math.min(i, limit));
    }
  }

  // docs/benchmarks.md, session 6: the timeout doubled by a view change stays doubled until the
  // new view has committed a checkpoint interval of blocks; at the first commit it came back to the
  // base, and ten slow validators went from one view change to the next.
  @Test
  void theDoubledTimeoutComesBackAfterACheckpointIntervalNotAtTheFirstCommit() {
    Replica r = fresh(1); // primary of view 1
    long[] t = {f.config.genesisTimeMillis() + 100};
    step(r, new Input.Tick(t[0]));
    int base = f.config.viewChangeTimeoutTicks();
    assertThat(r.requestTimeoutTicks()).isEqualTo(base);
    step(r, new Input.SubmitTx(Fixture.tx(0)));
    for (int i = 0; i <= base + 1 && r.state() == ReplicaState.NORMAL; i++) {
      step(r, new Input.Tick(++t[0]));
    }
    assertThat(r.state()).isEqualTo(ReplicaState.VIEW_CHANGE);
    for (int v = 2; v <= 3; v++) {
      step(
          r,
          new Input.Receive(f.signer(v).viewChange(1, 0, Fixture.GENESIS, List.of(), List.of())));
    }
    assertThat(r.state()).isEqualTo(ReplicaState.NORMAL);
    assertThat(r.view()).isEqualTo(1);
    assertThat(r.requestTimeoutTicks()).isEqualTo(2 * base);
    int nonce = 1;
    for (long height = 1; height <= f.config.checkpointIntervalBlocks(); height++) {
      PrePrepare proposed = null;
      for (int i = 0; i < 4 * f.config.batchTicksMax() && proposed == null; i++) {
        for (ConsensusMessage m : sent(step(r, new Input.Tick(++t[0])))) {
          if (m instanceof PrePrepare pp && pp.seq() == height) {
            proposed = pp;
          }
        }
      }
      assertThat(proposed).as("proposal at %d", height).isNotNull();
      Hash digest = proposed.block().hash();
      for (int v = 2; v <= 3; v++) {
        step(r, new Input.Receive(f.signer(v).prepare(1, height, digest)));
      }
      Ready ready = null;
      for (int v = 2; v <= 3; v++) {
        ready = step(r, new Input.Receive(f.signer(v).commit(1, height, digest)));
      }
      assertThat(ready.commit()).as("commit at %d", height).isNotEmpty();
      step(
          r,
          new Input.BlockExecuted(height, digest, f.config.genesisStateRoot(), Optional.empty()));
      int expected = height < f.config.checkpointIntervalBlocks() ? 2 * base : base;
      assertThat(r.requestTimeoutTicks()).as("timeout after %d", height).isEqualTo(expected);
      step(r, new Input.SubmitTx(Fixture.tx(nonce++)));
    }
  }

  // docs/benchmarks.md, session 6: transactions pooled behind a missing nonce are not "no
  // transaction waiting"; the stall says how many wait and why.
  @Test
  void aPoolWithNothingProposableSaysHowManyWait() {
    // As a node's pool whose senders all lack their next nonce: it holds them, proposes none.
    TxPool gapped =
        new ForwardingPool(TxPool.inMemory()) {
          @Override
          public boolean isEmpty() {
            return true;
          }

          @Override
          public List<Transaction> batch(int max, java.util.Set<Hash> inFlight) {
            return List.of();
          }
        };
    Replica r = fresh(1, gapped);
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    assertThat(r.stall().what()).isEqualTo("nothing: no transaction is waiting");
    step(r, new Input.SubmitTx(Fixture.tx(5)));
    step(r, new Input.SubmitTx(Fixture.tx(6)));
    assertThat(r.stall().what())
        .isEqualTo("nothing to propose: 2 transactions wait for an earlier nonce of their sender");
  }

  // docs/benchmarks.md, session 7: with every pooled transaction in flight, the primary searched
  // its pool again on every input; it searches again only once something was added (or its view,
  // last commit or next sequence number moved).
  @Test
  void aPrimaryDoesNotSearchAPoolAgainThatHadNothingAndGainedNothing() {
    int[] searches = {0};
    TxPool counting =
        new ForwardingPool(TxPool.inMemory()) {
          @Override
          public List<Transaction> batch(int max, java.util.Set<Hash> inFlight) {
            searches[0]++;
            return super.batch(max, inFlight);
          }
        };
    Replica primary = fresh(0, counting);
    long t = f.config.genesisTimeMillis() + 100;
    List<PrePrepare> proposed = new java.util.ArrayList<>();
    java.util.function.Consumer<Input> run =
        input ->
            sent(step(primary, input)).stream()
                .filter(PrePrepare.class::isInstance)
                .forEach(m -> proposed.add((PrePrepare) m));
    run.accept(new Input.Tick(t));
    for (int n = 0; n < f.config.batchTxMax(); n++) {
      run.accept(new Input.SubmitTx(Fixture.tx(n)));
    }
    assertThat(proposed).extracting(PrePrepare::seq).containsExactly(1L);
    // Block 1 prepared: the primary may chain block 2 on it, but its whole pool is in block 1.
    Hash first = proposed.get(0).block().hash();
    run.accept(new Input.Receive(f.signer(1).prepare(0, 1, first)));
    run.accept(new Input.Receive(f.signer(2).prepare(0, 1, first)));
    int afterProposal = searches[0];
    for (int tick = 1; tick <= 20; tick++) {
      run.accept(new Input.Tick(t + tick));
    }
    // The search right after proposing block 1 found nothing; nothing was added since.
    assertThat(searches[0] - afterProposal).as("searches of a pool all in flight").isZero();
    run.accept(new Input.SubmitTx(Fixture.tx(100)));
    for (int tick = 21; tick <= 20 + f.config.batchTicksMax() + 1; tick++) {
      run.accept(new Input.Tick(t + tick));
    }
    // (a stalled primary also re-sends block 1's pre-prepare now and then)
    assertThat(proposed.stream().map(PrePrepare::seq).distinct().toList())
        .as("the new transaction is proposed")
        .containsExactly(1L, 2L);
  }

  // docs/benchmarks.md, session 4: a block that prepares restarts the request timer, so a commit
  // slowed by the machines does not start a view change against a working primary; a commit that
  // never comes still does, one timeout later.
  @Test
  void aPreparedBlockRestartsTheRequestTimerButAMissingCommitStillEndsTheView() {
    Replica r = backup();
    long t = f.config.genesisTimeMillis() + 100;
    step(r, new Input.Tick(t));
    Block block = blockAt1(1);
    step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, block)));
    int timeout = f.config.viewChangeTimeoutTicks();
    int tick = 0;
    for (; tick < timeout - 2; tick++) {
      step(r, new Input.Tick(t + 1 + tick));
    }
    step(r, new Input.Receive(f.signer(2).prepare(0, 1, block.hash())));
    step(r, new Input.Receive(f.signer(3).prepare(0, 1, block.hash())));
    for (int i = 0; i < 4; i++, tick++) {
      step(r, new Input.Tick(t + 1 + tick));
    }
    assertThat(r.state()).as("past the first deadline, prepared").isEqualTo(ReplicaState.NORMAL);
    for (int i = 0; i < timeout && r.state() == ReplicaState.NORMAL; i++, tick++) {
      step(r, new Input.Tick(t + 1 + tick));
    }
    assertThat(r.state()).isEqualTo(ReplicaState.VIEW_CHANGE);
  }

  @Test
  void theSameReplicaWithTheForgetfulBugSignsTheConflict() {
    // The planted bug's effect in isolation: the restarted replica prepares the second block.
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, blockAt1(2))));
    Replica forgetful =
        new Replica(
            f.config.withBugs(java.util.Set.of(PlantedBug.FORGET_SIGNED_ON_RESTART)),
            f.keys.get(1),
            f.validators,
            SignatureVerifier.ED25519,
            new RestartState(
                0, java.util.Optional.empty(), f.config.genesisStateRoot(), store.load()));
    forgetful.step(new Input.Tick(f.config.genesisTimeMillis() + 200));
    Ready ready = forgetful.step(new Input.Receive(f.signer(0).prePrepare(0, 1, blockAt1(1))));
    assertThat(sent(ready)).anyMatch(m -> m instanceof Prepare);
  }

  @Test
  void aPeerThatKeepsSendingInvalidMessagesIsPenalisedOnce() {
    // Issue 3: rejection reasons are counted and peers that keep sending garbage are penalised.
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    List<org.alliancechain.core.crypto.PublicKey> penalised = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Prepare p = f.signer(2).prepare(0, 1, blockAt1(1).hash());
      byte[] sig = p.signature().toBytes();
      sig[0] ^= (byte) (i + 1);
      Prepare forged =
          new Prepare(
              0, 1, p.digest(), p.sender(), org.alliancechain.core.crypto.Signature.of(sig));
      penalised.addAll(step(r, new Input.Receive(forged)).penalize());
    }
    assertThat(r.rejections()).containsEntry(Reason.BAD_SIGNATURE, 40L);
    assertThat(penalised).containsExactly(f.keys.get(2).publicKey());
  }

  // Reliability finding 3 (docs/reliability.md): a transaction committed as failed keeps its nonce
  // unused, so a Byzantine primary could put the same signed bytes into a later block. The pool
  // port says which hashes are in the chain (a node asks its transaction index).
  @Test
  void aBackupRefusesAPrePrepareWithATransactionAlreadyInTheChain() {
    Block block = blockAt1(2);
    Hash old = block.transactions().get(1).hash();
    Replica r = fresh(1, new InChain(TxPool.inMemory(), old));
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    Ready ready = step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, block)));
    assertThat(sent(ready)).noneMatch(Prepare.class::isInstance);
    assertThat(r.rejections()).containsEntry(Reason.TX_REPLAYED, 1L);
    assertThat(r.state()).isEqualTo(ReplicaState.VIEW_CHANGE);
  }

  @Test
  void aBackupRefusesAPrePrepareWithOneTransactionTwice() {
    Transaction tx = Fixture.tx(100);
    List<Transaction> twice = List.of(tx, tx);
    Block one = blockAt1(1);
    BlockHeader h = one.header();
    Block block =
        new Block(
            new BlockHeader(
                h.chainId(),
                h.height(),
                h.view(),
                h.previousHash(),
                Block.txRoot(twice),
                twice.size(),
                h.executedHeight(),
                h.executedStateRoot(),
                h.validatorSetHash(),
                h.proposer(),
                h.timestampMillis()),
            twice);
    Replica r = backup();
    step(r, new Input.Tick(f.config.genesisTimeMillis() + 100));
    Ready ready = step(r, new Input.Receive(f.signer(0).prePrepare(0, 1, block)));
    assertThat(sent(ready)).noneMatch(Prepare.class::isInstance);
    assertThat(r.rejections()).containsEntry(Reason.BAD_TX, 1L);
  }

  /** A pool that passes every call on; tests override what they change. */
  private static class ForwardingPool implements TxPool {
    final TxPool pool;

    ForwardingPool(TxPool pool) {
      this.pool = pool;
    }

    @Override
    public boolean add(Hash hash, Transaction tx) {
      return pool.add(hash, tx);
    }

    @Override
    public boolean isKnown(Hash hash) {
      return pool.isKnown(hash);
    }

    @Override
    public boolean isCommitted(Hash hash) {
      return pool.isCommitted(hash);
    }

    @Override
    public boolean isEmpty() {
      return pool.isEmpty();
    }

    @Override
    public int size() {
      return pool.size();
    }

    @Override
    public long additions() {
      return pool.additions();
    }

    @Override
    public void onCommitted(Block block) {
      pool.onCommitted(block);
    }

    @Override
    public List<Transaction> batch(int max, java.util.Set<Hash> inFlight) {
      return pool.batch(max, inFlight);
    }
  }

  /** A pool that also knows some transactions are in the chain (a node's transaction index). */
  private static final class InChain extends ForwardingPool {
    private final Hash committed;

    InChain(TxPool pool, Hash committed) {
      super(pool);
      this.committed = committed;
    }

    @Override
    public boolean isKnown(Hash hash) {
      return hash.equals(committed) || pool.isKnown(hash);
    }

    @Override
    public boolean isCommitted(Hash hash) {
      return hash.equals(committed) || pool.isCommitted(hash);
    }
  }
}
