package org.alliancechain.consensus.core;

import static org.alliancechain.consensus.ConsensusLimits.VIEW_CHANGE_BACKOFF_DOUBLINGS_MAX;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.consensus.msg.Checkpoint;
import org.alliancechain.consensus.msg.Commit;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.Evidence;
import org.alliancechain.consensus.msg.MessageValidator;
import org.alliancechain.consensus.msg.NewView;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.PreparedCertificate;
import org.alliancechain.consensus.msg.Reason;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.consensus.msg.SyncRequest;
import org.alliancechain.consensus.msg.SyncResponse;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.consensus.msg.WireCode;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.block.ValidatorChange;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PBFT replica (Castro and Liskov, OSDI'99 / TOCS 2002) as a pure state machine: {@link #step}
 * takes one {@link Input} and returns a {@link Ready}. It opens no socket, reads no clock, starts
 * no thread and touches no disk; time is the count of {@link Input.Tick}s.
 *
 * <p>Sequence number = block height. Invariants: {@code low <= committedSeq} unless a sync is
 * pending; every slot in the log has {@code low < seq <= low + windowBlocks}; a vote is never
 * signed twice with different digests for one (phase, view, seq).
 */
public final class Replica {
  private static final Logger log = LoggerFactory.getLogger(Replica.class);

  private final ConsensusConfig config;
  private final Signing signing;
  private final PublicKey self;
  private final SignatureVerifier verifier;
  private ValidatorSet validators;
  private MessageValidator checker;

  private ReplicaState state = ReplicaState.NORMAL;
  private long view;
  private int viewChangesInARow;
  private long viewChangesStarted;

  private long low;
  private Hash lowDigest;
  private List<Checkpoint> stableProof = List.of();

  private long committedSeq;
  private Hash committedHash;
  private final TreeMap<Long, BlockHeader> committedHeaders = new TreeMap<>();
  private long executedHeight;
  private final TreeMap<Long, Hash> executedRoots = new TreeMap<>();

  private final TreeMap<Long, Slot> slots = new TreeMap<>();
  private final TreeMap<Long, TreeMap<PublicKey, Checkpoint>> checkpoints = new TreeMap<>();
  private final TreeMap<PublicKey, Checkpoint> farCheckpoints = new TreeMap<>();
  private Checkpoint ownCheckpoint;
  private final TreeMap<Long, TreeMap<PublicKey, ViewChange>> viewChanges = new TreeMap<>();
  private ViewChange ownViewChange;
  private NewView lastNewView;
  private final Map<VoteKey, Hash> signedVotes = new HashMap<>();

  private final TxPool mempool;
  private final LinkedHashSet<Evidence> reportedEvidence = new LinkedHashSet<>();
  private final TreeMap<Long, ValidatorSet> scheduledValidators = new TreeMap<>();

  private final TreeMap<Long, CertifiedBlock> syncedBlocks = new TreeMap<>();
  private long syncTarget;
  private long progressSeenSeq;
  private long committedAtLastCheck = -1;
  private long lastSyncTick = Long.MIN_VALUE / 2;
  private int syncPeerCursor;

  private final Recovery recovery;
  private final TreeMap<PublicKey, Stall.PeerProgress> peerProgress = new TreeMap<>();
  private String lastViewChange = "";
  private long lastProbeTick = Long.MIN_VALUE / 2;

  private long now;
  private long nowMillis = -1;
  private long progressDeadline = -1;
  private long viewChangeDeadline = -1;
  private long batchStartTick = -1;
  // A batch found short of full is not looked for again until the pool could hold a full one
  // (see batchMayBeFull); the key says which view, commit and sequence number it was found for.
  private long notFullView = -1;
  private long notFullCommitted = -1;
  private long notFullSeq = -1;
  private int notFullBelowSize;
  private int notFullLastSize;
  // Where the last batch search found nothing proposable (see emptyBatchStillEmpty).
  private long emptyView = -1;
  private long emptyCommitted = -1;
  private long emptySeq = -1;
  private long emptyAdditions = -1;
  private long lastRetransmitTick = Long.MIN_VALUE / 2;
  private int periodsSinceProposalsResent;
  // The own view-change is re-sent with exponential backoff (see retransmit).
  private int viewChangeResends;
  private long nextViewChangeResendTick;

  private final TreeMap<String, Long> rejections = new TreeMap<>();
  private final TreeMap<PublicKey, Integer> invalidBySender = new TreeMap<>();
  private final Set<PublicKey> penalized = new LinkedHashSet<>();

  private Ready.Builder out = new Ready.Builder();

  /** Identifies one vote this replica signed: phase is the message's wire code. */
  private record VoteKey(int phase, long view, long seq) {}

  /** The facts about a parent block that a proposal is checked against. */
  private record Parent(Hash hash, long timestampMillis, long executedHeight, Hash executedRoot) {}

  public Replica(
      ConsensusConfig config,
      KeyPair key,
      ValidatorSet validators,
      SignatureVerifier verifier,
      RestartState restart) {
    this(config, key, validators, verifier, restart, TxPool.inMemory());
  }

  /** With the pool of waiting transactions to propose from (a node's own mempool). */
  public Replica(
      ConsensusConfig config,
      KeyPair key,
      ValidatorSet validators,
      SignatureVerifier verifier,
      RestartState restart,
      TxPool pool) {
    this.mempool = pool;
    this.config = config;
    this.signing = new Signing(config.chainId(), key);
    this.self = key.publicKey();
    this.verifier = verifier;
    useValidators(validators);
    this.lowDigest = config.genesisHash();
    this.committedSeq = restart.executedHeight();
    this.executedHeight = restart.executedHeight();
    this.committedHash =
        restart.executedHeader().map(BlockHeader::hash).orElse(config.genesisHash());
    restart.executedHeader().ifPresent(h -> committedHeaders.put(h.height(), h));
    executedRoots.put(restart.executedHeight(), restart.executedStateRoot());
    if (!config.has(PlantedBug.FORGET_SIGNED_ON_RESTART)) {
      restore(restart.log());
    }
    this.recovery =
        restart.logMayBeLost() && restart.log().isEmpty() && isValidator()
            ? Recovery.lostLog(self, config.windowBlocks(), restart.executedHeight())
            : Recovery.none(self);
  }

  // ---------------------------------------------------------------- the one entry point

  public Ready step(Input input) {
    out = new Ready.Builder();
    switch (input) {
      case Input.Tick t -> onTick(t.timeMillis());
      case Input.Receive r -> onMessage(r.message());
      case Input.SubmitTx s -> onSubmit(s.tx());
      case Input.BlockExecuted e -> onExecuted(e);
    }
    maybePropose();
    return out.build();
  }

  // ---------------------------------------------------------------- queries (tests, metrics)

  public long view() {
    return view;
  }

  public ReplicaState state() {
    return state;
  }

  public long committedSeq() {
    return committedSeq;
  }

  public long lowWatermark() {
    return low;
  }

  public long highWatermark() {
    return low + config.windowBlocks();
  }

  public int logSize() {
    return slots.size();
  }

  public long viewChangesStarted() {
    return viewChangesStarted;
  }

  public PublicKey self() {
    return self;
  }

  public boolean isPrimary() {
    return isValidator() && checker.primaryOf(view).equals(self);
  }

  public ValidatorSet validators() {
    return validators;
  }

  public int pendingTxCount() {
    return mempool.size();
  }

  /** While a validator that lost its log recovers it votes on nothing; empty once it may. */
  public Optional<String> recovering() {
    return recovery.maySign()
        ? Optional.empty()
        : Optional.of(
            recovery.phase().name().toLowerCase(java.util.Locale.ROOT) + ": " + recovery.why());
  }

  /** The last view change this replica made or installed, with its reason; empty if none. */
  public String lastViewChange() {
    return lastViewChange;
  }

  /** Per validator, the highest seq and view of the messages accepted from it. */
  public Map<PublicKey, Stall.PeerProgress> peerProgress() {
    return java.util.Collections.unmodifiableMap(peerProgress);
  }

  private void notePeer(ConsensusMessage m) {
    long seq;
    long inView;
    switch (m) {
      case PrePrepare x -> {
        seq = x.seq();
        inView = x.view();
      }
      case Prepare x -> {
        seq = x.seq();
        inView = x.view();
      }
      case Commit x -> {
        seq = x.seq();
        inView = x.view();
      }
      case Checkpoint x -> {
        seq = x.seq();
        inView = -1;
      }
      case ViewChange x -> {
        seq = x.stableSeq();
        inView = x.newView();
      }
      case NewView x -> {
        seq = -1;
        inView = x.view();
      }
      case SyncRequest x -> {
        return;
      }
      case SyncResponse x -> {
        return;
      }
    }
    Stall.PeerProgress was = peerProgress.getOrDefault(m.sender(), new Stall.PeerProgress(0, 0));
    peerProgress.put(
        m.sender(), new Stall.PeerProgress(Math.max(was.seq(), seq), Math.max(was.view(), inView)));
  }

  /** What this replica waits for before it can commit the next block (SPEC M-31, /status). */
  public Stall stall() {
    long next = committedSeq + 1;
    if (!recovery.maySign()) {
      return new Stall("recovery after a lost log: " + recovery.why(), List.of());
    }
    if (syncTarget > committedSeq) {
      return new Stall("blocks " + next + ".." + syncTarget + " from peers (catch-up)", List.of());
    }
    if (state == ReplicaState.VIEW_CHANGE) {
      Map<PublicKey, ViewChange> vcs = viewChanges.getOrDefault(view, new TreeMap<>());
      if (vcs.size() < validators.quorum()) {
        return new Stall(
            "view-change quorum for view "
                + view
                + ": "
                + vcs.size()
                + " of "
                + validators.quorum(),
            othersThan(vcs.keySet()));
      }
      return new Stall(
          "new-view for view " + view + " from its primary", List.of(checker.primaryOf(view)));
    }
    Slot slot = slots.get(next);
    PublicKey primary = checker.primaryOf(view);
    if (slot == null || slot.view != view || slot.prePrepare == null) {
      if (!mempool.isEmpty()) {
        return new Stall(
            "pre-prepare for seq " + next + " (" + mempool.size() + " transactions waiting)",
            List.of(primary));
      }
      // Nothing proposable; anything pooled waits for an earlier nonce of its sender.
      return mempool.size() == 0
          ? new Stall("nothing: no transaction is waiting", List.of())
          : new Stall(
              "nothing to propose: "
                  + mempool.size()
                  + " transactions wait for an earlier nonce of their sender",
              List.of());
    }
    if (!slot.isPreparedIn(view)) {
      Set<PublicKey> have = new java.util.TreeSet<>(Set.of(primary));
      slot.prepares.values().stream()
          .filter(p -> p.digest().equals(slot.digest()))
          .forEach(p -> have.add(p.sender()));
      return new Stall(
          "prepare quorum for seq " + next + ": " + have.size() + " of " + validators.quorum(),
          othersThan(have));
    }
    Set<PublicKey> voted =
        slot.commits.getOrDefault(view, new TreeMap<>()).values().stream()
            .filter(c -> c.digest().equals(slot.digest()))
            .map(Commit::sender)
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    return new Stall(
        "commit quorum for seq " + next + ": " + voted.size() + " of " + validators.quorum(),
        othersThan(voted));
  }

  private List<PublicKey> othersThan(Set<PublicKey> have) {
    return validators.members().stream().filter(k -> !have.contains(k)).toList();
  }

  /** Rejected messages by reason (for metrics). */
  public Map<String, Long> rejections() {
    return java.util.Collections.unmodifiableMap(rejections);
  }

  // ---------------------------------------------------------------- state transitions

  private void transitionTo(ReplicaState next, long nextView, String why) {
    Invariants.check(nextView >= view, "views never go back");
    Invariants.check(
        next != ReplicaState.VIEW_CHANGE || nextView > view || state == ReplicaState.NORMAL,
        "a view change targets a later view");
    log.debug(
        "{} {}@{} -> {}@{}: {}", self.toHex().substring(0, 8), state, view, next, nextView, why);
    if (nextView > view) {
      lastViewChange = "view " + view + " -> " + nextView + ": " + why;
    }
    state = next;
    view = nextView;
  }

  // ---------------------------------------------------------------- inputs

  private void onSubmit(Transaction tx) {
    Hash hash = tx.hash();
    if (mempool.isKnown(hash)) {
      return;
    }
    if (!tx.chainId().equals(config.chainId()) || !verifier.verifyTransaction(tx)) {
      count(Reason.BAD_TX);
      return;
    }
    boolean wasEmpty = mempool.isEmpty();
    if (!mempool.add(hash, tx)) {
      count("mempool_full");
      return;
    }
    if (wasEmpty) {
      batchStartTick = now;
    }
  }

  private void onTick(long timeMillis) {
    now++;
    boolean first = nowMillis < 0;
    nowMillis = timeMillis;
    if (first) {
      advance();
    }
    if (state == ReplicaState.NORMAL) {
      if (!hasOutstandingWork()) {
        progressDeadline = -1;
      } else if (progressDeadline < 0) {
        setProgressTimer();
      } else if (now >= progressDeadline && isValidator()) {
        startViewChange(view + 1, "request timer expired");
      }
    } else if (viewChangeDeadline >= 0 && now >= viewChangeDeadline) {
      startViewChange(view + 1, "new-view timer expired");
    } else {
      checkViewChangeQuorum();
    }
    if (now - lastRetransmitTick >= config.retransmitTicks()) {
      boolean stalled = committedSeq == committedAtLastCheck;
      // Others are ahead and this replica made no progress for a whole period: fetch blocks.
      if (progressSeenSeq > committedSeq && stalled) {
        syncTarget = Math.max(syncTarget, progressSeenSeq);
      }
      committedAtLastCheck = committedSeq;
      lastRetransmitTick = now;
      periodsSinceProposalsResent++;
      boolean proposalsToo =
          stalled
              || periodsSinceProposalsResent >= ConsensusLimits.PROPOSALS_RESENT_EVERY_PERIODS_MAX;
      if (proposalsToo) {
        periodsSinceProposalsResent = 0;
      }
      retransmit(proposalsToo);
      if (state == ReplicaState.VIEW_CHANGE
          && viewChanges.getOrDefault(view, new TreeMap<>()).size() < validators.quorum()) {
        // Its view-change stands without a quorum: the others may be idle in the old view with
        // blocks this replica missed (the reason its timer expired) and nothing left to send it.
        // Ask one peer a period for what follows its last commit; an empty answer costs little.
        askForBlocks(Math.min(committedSeq + ConsensusLimits.SYNC_BLOCKS_MAX, knownSetLimit()));
      }
    }
    if (syncTarget > committedSeq && now - lastSyncTick >= config.retransmitTicks()) {
      requestSync();
    }
    recover();
  }

  // A replica that lost its log asks every peer for block 1 until it knows the chain is fresh or
  // not, then follows it until its fence is below the stable checkpoint (docs/consensus.md).
  private void recover() {
    if (recovery.maySign()) {
      return;
    }
    if (recovery.isProbing() && now - lastProbeTick >= config.retransmitTicks()) {
      lastProbeTick = now;
      for (PublicKey peer : validators.members()) {
        if (!peer.equals(self)) {
          out.sendTo(peer, signing.syncRequest(1, 1));
        }
      }
    }
    if (recovery.update(committedSeq, low, validators.quorum() - 1)) {
      log.info("{} {}", self.toHex().substring(0, 8), recovery.why());
      long alliance = recovery.supportedView(validators.weakQuorum());
      if (alliance > view) {
        // The others moved on while this replica had no log: a view-change for their view makes
        // them hand over the new-view that installed it.
        startViewChange(alliance, "rejoining the view of the others");
      }
    }
  }

  private void onExecuted(Input.BlockExecuted e) {
    Invariants.check(e.height() == executedHeight + 1, "blocks execute in order");
    executedHeight = e.height();
    executedRoots.put(e.height(), e.stateRoot());
    e.nextValidators().ifPresent(change -> scheduleValidators(e.height(), change));
    if (e.height() % config.checkpointIntervalBlocks() == 0 && isValidator()) {
      Checkpoint own = signing.checkpoint(e.height(), e.blockHash());
      ownCheckpoint = own;
      out.broadcast(own);
      acceptCheckpoint(own);
    }
  }

  private void onMessage(ConsensusMessage message) {
    if (isDuplicate(message)) {
      count(Reason.DUPLICATE);
      return;
    }
    Verdict verdict = checker.validate(message);
    if (!verdict.isOk()) {
      reject(message.sender(), verdict);
      return;
    }
    recovery.observe(message);
    notePeer(message);
    switch (message) {
      case PrePrepare m -> onPrePrepare(m);
      case Prepare m -> onPrepare(m);
      case Commit m -> onCommit(m);
      case Checkpoint m -> onCheckpoint(m);
      case ViewChange m -> onViewChange(m);
      case NewView m -> onNewView(m);
      case SyncRequest m -> reject(m.sender(), Verdict.reject(Reason.UNEXPECTED, "driver serves"));
      case SyncResponse m -> onSyncResponse(m);
    }
  }

  /**
   * The same proposal again: same view, sequence, sender, signature and block header. The header
   * commits to the transactions (their Merkle root), so the bodies are not compared: comparing them
   * transaction by transaction was 15 % of the driver thread's samples at full load
   * (docs/benchmarks.md, session 4). A copy whose body does not match its header is invalid anyway,
   * and being dropped as a duplicate changes nothing.
   */
  private static boolean isSameProposal(PrePrepare m, PrePrepare held) {
    return m.view() == held.view()
        && m.seq() == held.seq()
        && m.sender().equals(held.sender())
        && m.signature().equals(held.signature())
        && m.block().header().equals(held.block().header());
  }

  // Retransmissions are common; recognising an identical message spares a signature check.
  private boolean isDuplicate(ConsensusMessage message) {
    return switch (message) {
      case PrePrepare m -> {
        Slot s = slots.get(m.seq());
        yield s != null && s.prePrepare != null && isSameProposal(m, s.prePrepare);
      }
      case Prepare m -> {
        Slot s = slots.get(m.seq());
        yield s != null && s.view == m.view() && m.equals(s.prepares.get(m.sender()));
      }
      case Commit m -> {
        Slot s = slots.get(m.seq());
        yield m.seq() <= committedSeq
            || (s != null
                && m.equals(s.commits.getOrDefault(m.view(), new TreeMap<>()).get(m.sender())));
      }
      case Checkpoint m ->
          m.seq() <= low
              || m.equals(checkpoints.getOrDefault(m.seq(), new TreeMap<>()).get(m.sender()));
      case ViewChange m ->
          m.equals(viewChanges.getOrDefault(m.newView(), new TreeMap<>()).get(m.sender()));
      case NewView m -> m.equals(lastNewView);
      case SyncRequest m -> false;
      case SyncResponse m -> false;
    };
  }

  // ---------------------------------------------------------------- normal case (§4.2)

  private Slot slotFor(long seq) {
    return slots.computeIfAbsent(seq, Slot::new);
  }

  private Verdict checkWindow(long seq) {
    if (seq <= committedSeq || seq <= low) {
      return Verdict.reject(Reason.STALE, "seq " + seq + " already committed or stable");
    }
    if (seq > highWatermark() || !isInCurrentEpoch(seq)) {
      return Verdict.reject(Reason.OUTSIDE_WATERMARKS, "seq " + seq + " above " + highWatermark());
    }
    return Verdict.ok();
  }

  private void onPrePrepare(PrePrepare m) {
    Verdict window = checkWindow(m.seq());
    if (!window.isOk()) {
      reject(m.sender(), window);
      return;
    }
    Slot slot = slotFor(m.seq());
    slot.rememberBody(m.block());
    if (state != ReplicaState.NORMAL || m.view() != view) {
      reject(m.sender(), Verdict.reject(Reason.WRONG_VIEW, "pre-prepare of view " + m.view()));
      tryCertify(slot);
      deliver();
      return;
    }
    slot.enterView(view);
    if (slot.prePrepare != null) {
      reportConflict(slot.prePrepare, m);
      startViewChange(view + 1, "primary equivocated at seq " + m.seq());
      return;
    }
    slot.prePrepare = m;
    advance();
  }

  private void onPrepare(Prepare m) {
    Verdict window = checkWindow(m.seq());
    if (!window.isOk()) {
      reject(m.sender(), window);
      return;
    }
    if (state != ReplicaState.NORMAL || m.view() != view) {
      reject(m.sender(), Verdict.reject(Reason.WRONG_VIEW, "prepare of view " + m.view()));
      return;
    }
    Slot slot = slotFor(m.seq());
    slot.enterView(view);
    Prepare existing = slot.prepares.get(m.sender());
    if (existing != null) {
      reportConflict(existing, m);
      return;
    }
    slot.prepares.put(m.sender(), m);
    showPrePrepareIfDifferent(slot, m);
    advance();
  }

  // A backup that prepared another digest got another pre-prepare: show it ours, so that whoever
  // holds both signed pre-prepares can package them as evidence against the primary.
  private void showPrePrepareIfDifferent(Slot slot, Prepare m) {
    if (slot.prePrepare != null
        && !m.digest().equals(slot.digest())
        && slot.prePrepareShownTo.size() < validators.size()
        && slot.prePrepareShownTo.add(m.sender())) {
      out.sendTo(m.sender(), slot.prePrepare);
    }
  }

  // Prepared certificates in a view-change carry the primary's signed pre-prepares.
  private void checkCertificatesForConflicts(ViewChange m) {
    for (PreparedCertificate cert : m.prepared()) {
      Slot slot = slots.get(cert.seq());
      if (slot != null
          && slot.prePrepare != null
          && slot.view == cert.view()
          && !slot.prePrepare.equals(cert.prePrepare())) {
        reportConflict(slot.prePrepare, cert.prePrepare());
      }
    }
  }

  private void onCommit(Commit m) {
    Verdict window = checkWindow(m.seq());
    if (!window.isOk()) {
      reject(m.sender(), window);
      return;
    }
    Slot slot = slotFor(m.seq());
    TreeMap<PublicKey, Commit> byView = slot.commits.get(m.view());
    if (byView == null) {
      if (slot.commits.size() >= ConsensusLimits.BODIES_PER_SLOT_MAX) {
        slot.commits.pollFirstEntry();
      }
      byView = new TreeMap<>();
      slot.commits.put(m.view(), byView);
    }
    Commit existing = byView.get(m.sender());
    if (existing != null) {
      reportConflict(existing, m);
      return;
    }
    byView.put(m.sender(), m);
    tryCertify(slot);
    deliver();
    noteProgressElsewhere(slot);
  }

  // f + 1 replicas voting to commit at seq means at least one correct replica got that far; if
  // this replica cannot finish the blocks below it by itself, it fetches them (catch-up).
  private void noteProgressElsewhere(Slot slot) {
    if (slot.seq <= committedSeq || slot.seq <= progressSeenSeq) {
      return;
    }
    Set<PublicKey> voters = new java.util.TreeSet<>();
    slot.commits.values().forEach(byView -> voters.addAll(byView.keySet()));
    if (voters.size() >= validators.weakQuorum()) {
      progressSeenSeq = Math.max(progressSeenSeq, slot.seq);
    }
  }

  /**
   * Walks the log upward from the last committed block: prepare what can be prepared, commit what
   * is prepared. A replica prepares seq n only once it prepared n - 1 in the same view (or n - 1 is
   * committed), because blocks chain by parent hash; see {@link NewViewBuilder}.
   */
  private void advance() {
    // Before its first tick a (re)started replica does not know the time to check blocks against.
    if (state != ReplicaState.NORMAL || nowMillis < 0) {
      return;
    }
    for (Slot slot : new ArrayList<>(slots.tailMap(committedSeq, false).values())) {
      if (slot.view != view || slot.prePrepare == null || slot.proposalRejected) {
        break;
      }
      Optional<Parent> parent = parentOf(slot.seq);
      if (parent.isEmpty()) {
        break;
      }
      if (!slot.prepareSent && !isPrimary() && isValidator()) {
        Verdict verdict = slot.fromNewView ? Verdict.ok() : checkProposal(slot, parent.get());
        if (!verdict.isOk()) {
          slot.proposalRejected = true;
          reject(slot.prePrepare.sender(), verdict);
          startViewChange(view + 1, "invalid pre-prepare at seq " + slot.seq + ": " + verdict);
          return;
        }
        sendPrepare(slot);
      }
      if (!slot.isPreparedIn(view) && hasPrepareQuorum(slot)) {
        becomePrepared(slot);
      }
      if (!slot.isPreparedIn(view)) {
        break;
      }
    }
    deliver();
  }

  /** The parent a proposal at {@code seq} must extend, once this replica knows it for sure. */
  private Optional<Parent> parentOf(long seq) {
    if (seq - 1 == committedSeq) {
      BlockHeader header = committedHeaders.get(committedSeq);
      if (header == null) {
        return committedSeq == 0
            ? Optional.of(
                new Parent(
                    config.genesisHash(), config.genesisTimeMillis(), 0, config.genesisStateRoot()))
            : Optional.empty();
      }
      return Optional.of(parentFrom(header));
    }
    Slot previous = slots.get(seq - 1);
    if (previous == null || !previous.isPreparedIn(view) || previous.prePrepare == null) {
      return Optional.empty();
    }
    return Optional.of(parentFrom(previous.prePrepare.block().header()));
  }

  private static Parent parentFrom(BlockHeader h) {
    return new Parent(h.hash(), h.timestampMillis(), h.executedHeight(), h.executedStateRoot());
  }

  /** Stateful checks of a fresh proposal before this replica prepares it. */
  private Verdict checkProposal(Slot slot, Parent parent) {
    BlockHeader h = slot.prePrepare.block().header();
    if (!h.previousHash().equals(parent.hash())) {
      return Verdict.reject(Reason.PARENT_MISMATCH, "block does not extend the prepared chain");
    }
    if (h.view() != view || !h.proposer().equals(slot.prePrepare.sender())) {
      return Verdict.reject(Reason.BAD_BLOCK, "header view or proposer is not the primary's");
    }
    if (!h.validatorSetHash().equals(validators.hash())) {
      return Verdict.reject(Reason.BAD_BLOCK, "header names another validator set");
    }
    if (h.timestampMillis() <= parent.timestampMillis()
        || h.timestampMillis() > nowMillis + config.blockTimeAheadMillisMax()) {
      return Verdict.reject(Reason.TIMESTAMP, "block time " + h.timestampMillis());
    }
    if (h.executedHeight() < parent.executedHeight()) {
      return Verdict.reject(Reason.STATE_ROOT_MISMATCH, "executed height goes back");
    }
    Hash mine = executedRoots.get(h.executedHeight());
    if (mine != null && !mine.equals(h.executedStateRoot())) {
      return Verdict.reject(Reason.STATE_ROOT_MISMATCH, "at height " + h.executedHeight());
    }
    Set<Hash> earlier = inFlightTxs(slot.seq);
    for (Transaction tx : slot.prePrepare.block().transactions()) {
      Hash hash = tx.hash();
      if (mempool.isCommitted(hash) || earlier.contains(hash)) {
        return Verdict.reject(Reason.TX_REPLAYED, "transaction " + hash.shortHex());
      }
    }
    return Verdict.ok();
  }

  /** Transactions in this view's proposals between the last committed block and {@code below}. */
  private Set<Hash> inFlightTxs(long below) {
    Set<Hash> hashes = new java.util.HashSet<>();
    for (Slot s : slots.subMap(committedSeq, false, below, false).values()) {
      if (s.view == view && s.prePrepare != null) {
        s.prePrepare.block().transactions().forEach(tx -> hashes.add(tx.hash()));
      }
    }
    return hashes;
  }

  private void sendPrepare(Slot slot) {
    if (!recovery.maySign() || !claimVote(WireCode.PREPARE, view, slot.seq, slot.digest())) {
      return;
    }
    Prepare prepare = signing.prepare(view, slot.seq, slot.digest());
    slot.prepares.put(self, prepare);
    slot.prepareSent = true;
    out.signed(prepare, slot.seq);
  }

  private int prepareQuorum() {
    int quorum = validators.quorum();
    return config.has(PlantedBug.PREPARE_QUORUM_2F) ? quorum - 1 : quorum;
  }

  // prepared(m, v, n, i): the pre-prepare plus matching prepares from distinct backups (§4.2).
  private boolean hasPrepareQuorum(Slot slot) {
    if (!isPrimary() && !slot.prepareSent) {
      return false;
    }
    Hash digest = slot.digest();
    PublicKey primary = checker.primaryOf(view);
    long matching =
        slot.prepares.values().stream()
            .filter(p -> p.digest().equals(digest) && !p.sender().equals(primary))
            .count();
    return matching + 1 >= prepareQuorum();
  }

  private void becomePrepared(Slot slot) {
    Hash digest = slot.digest();
    List<Prepare> matching =
        slot.prepares.values().stream().filter(p -> p.digest().equals(digest)).toList();
    slot.prepared = new PreparedCertificate(slot.prePrepare, matching);
    out.persist.add(new PersistRecord.Prepared(slot.prepared));
    // A block prepared above the committed ones is progress too: the primary proposed it and 2f+1
    // replicas accepted it, so what delays its commit is the machines' speed (executing, verifying,
    // writing), not the primary. Without this, a commit taking longer than the timeout under load
    // (seven validators on two cores) started view changes against a working primary
    // (docs/benchmarks.md, session 4). A faulty primary cannot fake 2f prepares.
    if (state == ReplicaState.NORMAL && slot.seq > committedSeq && slot.view == view) {
      setProgressTimer();
    }
    if (!isValidator()
        || !recovery.maySign()
        || !claimVote(WireCode.COMMIT, view, slot.seq, digest)) {
      return;
    }
    Commit commit = signing.commit(view, slot.seq, digest);
    slot.ownCommit = commit;
    slot.commits.computeIfAbsent(view, v -> new TreeMap<>()).put(self, commit);
    out.signed(commit, slot.seq);
    tryCertify(slot);
  }

  /** A commit quorum for one (view, digest) whose block body is known is a certificate. */
  private void tryCertify(Slot slot) {
    if (slot.certified != null) {
      return;
    }
    for (Map.Entry<Long, TreeMap<PublicKey, Commit>> byView : slot.commits.entrySet()) {
      Map<Hash, List<Commit>> byDigest = new TreeMap<>();
      for (Commit c : byView.getValue().values()) {
        byDigest.computeIfAbsent(c.digest(), d -> new ArrayList<>()).add(c);
      }
      for (Map.Entry<Hash, List<Commit>> group : byDigest.entrySet()) {
        Block body = slot.bodies.get(group.getKey());
        if (group.getValue().size() >= validators.quorum() && body != null) {
          slot.certified = new CertifiedBlock(body, certificate(slot.seq, byView.getKey(), group));
          return;
        }
      }
    }
  }

  private CommitCertificate certificate(
      long seq, long commitView, Map.Entry<Hash, List<Commit>> group) {
    TreeMap<Integer, CommitCertificate.Vote> votes = new TreeMap<>();
    for (Commit c : group.getValue()) {
      int index = validators.indexOf(c.sender()).orElseThrow();
      votes.put(index, new CommitCertificate.Vote(index, c.signature()));
    }
    return new CommitCertificate(seq, commitView, group.getKey(), List.copyOf(votes.values()));
  }

  /** Hands committed blocks to the executor strictly in height order, each exactly once. */
  private void deliver() {
    while (true) {
      long next = committedSeq + 1;
      Slot slot = slots.get(next);
      CertifiedBlock block = slot != null && slot.certified != null ? slot.certified : null;
      if (block == null) {
        block = syncedBlocks.get(next);
      }
      if (block == null) {
        return;
      }
      if (!block.block().header().previousHash().equals(committedHash)) {
        log.debug("{} certified block {} does not extend the chain", self, next);
        count("fork_detected");
        syncedBlocks.remove(next);
        return;
      }
      commitBlock(block);
    }
  }

  private void commitBlock(CertifiedBlock block) {
    out.commit.add(block);
    committedSeq = block.block().height();
    committedHash = block.block().hash();
    committedHeaders.put(committedSeq, block.block().header());
    while (committedHeaders.size() > 2 * config.windowBlocks() + 2) {
      committedHeaders.pollFirstEntry();
    }
    syncedBlocks.headMap(committedSeq, true).clear();
    mempool.onCommitted(block.block());
    if (state == ReplicaState.NORMAL) {
      // The timeout doubled with each view change in a row comes back one step per checkpoint
      // interval committed, not at the first commit: a new view on machines slow enough to miss
      // the base timeout would otherwise commit one block and start the next view change
      // (ten validators on two cores did that for minutes, docs/benchmarks.md, session 6).
      if (viewChangesInARow > 0 && committedSeq % config.checkpointIntervalBlocks() == 0) {
        viewChangesInARow = Math.min(viewChangesInARow, VIEW_CHANGE_BACKOFF_DOUBLINGS_MAX) - 1;
      }
      setProgressTimer();
    }
    Map.Entry<Long, ValidatorSet> change = scheduledValidators.firstEntry();
    if (change != null && committedSeq + 1 >= change.getKey()) {
      scheduledValidators.pollFirstEntry();
      switchValidators(change.getValue());
    }
  }

  // ---------------------------------------------------------------- proposing (primary)

  private void maybePropose() {
    if (state != ReplicaState.NORMAL
        || !isPrimary()
        || !recovery.maySign()
        || committedSeq < low
        || syncTarget > committedSeq) {
      return;
    }
    while (!mempool.isEmpty()) {
      long seq = slots.isEmpty() ? committedSeq + 1 : Math.max(committedSeq, lastProposed()) + 1;
      boolean batchDue = now - batchStartTick >= config.batchTicksMax();
      if ((!batchDue && !batchMayBeFull(seq))
          || seq > highWatermark()
          || seq - committedSeq > config.inFlightBlocksMax()
          || !isInCurrentEpoch(seq)) {
        return;
      }
      Optional<Parent> parent = proposalParent(seq);
      if (parent.isEmpty()) {
        return;
      }
      // A block is cut when a full batch is ready or the oldest waiting transaction has waited
      // batchTicksMax. Full counts what is proposable now: the pool also holds the transactions of
      // the blocks in flight (and, in the node, committed ones not yet executed and ones behind a
      // nonce gap); counting those cut blocks of a few transactions at moderate load (issue 8).
      if (emptyBatchStillEmpty(seq)) {
        return;
      }
      List<Transaction> batch = mempool.batch(config.batchTxMax(), inFlightTxs(seq));
      if (batch.isEmpty()) {
        emptyView = view;
        emptyCommitted = committedSeq;
        emptySeq = seq;
        emptyAdditions = mempool.additions();
        return;
      }
      if (!batchDue && batch.size() < config.batchTxMax()) {
        notFullView = view;
        notFullCommitted = committedSeq;
        notFullSeq = seq;
        notFullLastSize = mempool.size();
        notFullBelowSize = notFullLastSize + config.batchTxMax() - batch.size();
        return;
      }
      if (!propose(seq, parent.get(), batch)) {
        return;
      }
    }
  }

  /**
   * False when no full batch can be ready: fewer transactions in the pool than a batch, or too few
   * added since a batch was last found short for this view, commit and sequence number (each
   * arrival adds at most one proposable transaction, except one that closes a nonce gap; those wait
   * at most batchTicksMax). Transactions that left the pool meanwhile were not proposable (the node
   * removes them once executed), so the bar drops with them. Keeps the batch search off the
   * per-message path.
   */
  private boolean batchMayBeFull(long seq) {
    int size = mempool.size();
    if (size < config.batchTxMax()) {
      return false;
    }
    boolean sameAsShort =
        view == notFullView && committedSeq == notFullCommitted && seq == notFullSeq;
    if (!sameAsShort) {
      return true;
    }
    if (size < notFullLastSize) {
      notFullBelowSize -= notFullLastSize - size;
    }
    notFullLastSize = size;
    return size >= notFullBelowSize;
  }

  /**
   * True when the last search, in this view, at this commit and sequence number, found nothing and
   * no transaction was added since: nothing can have become proposable (transactions in flight stay
   * in flight until a commit or a view change; leaving the pool makes none proposable). An empty
   * search walks every pooled transaction in flight, and before this memo it ran on every message
   * the primary handled while its blocks were in flight (docs/benchmarks.md, session 7).
   */
  private boolean emptyBatchStillEmpty(long seq) {
    return view == emptyView
        && committedSeq == emptyCommitted
        && seq == emptySeq
        && mempool.additions() == emptyAdditions;
  }

  private long lastProposed() {
    long last = committedSeq;
    for (Slot s : slots.tailMap(committedSeq, false).values()) {
      if (s.view == view && s.prePrepare != null) {
        last = s.seq;
      }
    }
    return last;
  }

  private Optional<Parent> proposalParent(long seq) {
    if (seq - 1 == committedSeq) {
      return parentOf(seq);
    }
    Slot previous = slots.get(seq - 1);
    if (previous == null || previous.view != view || previous.prePrepare == null) {
      return Optional.empty();
    }
    return Optional.of(parentFrom(previous.prePrepare.block().header()));
  }

  private boolean propose(long seq, Parent parent, List<Transaction> batch) {
    long execHeight = Math.max(parent.executedHeight(), Math.min(executedHeight, seq - 1));
    Hash execRoot =
        execHeight == parent.executedHeight()
            ? parent.executedRoot()
            : executedRoots.getOrDefault(execHeight, parent.executedRoot());
    BlockHeader header =
        new BlockHeader(
            config.chainId(),
            seq,
            view,
            parent.hash(),
            Block.txRoot(batch),
            batch.size(),
            execHeight,
            execRoot,
            validators.hash(),
            self,
            Math.max(nowMillis, parent.timestampMillis() + 1));
    Block block = new Block(header, batch);
    if (!claimVote(WireCode.PRE_PREPARE, view, seq, block.hash())) {
      return false;
    }
    PrePrepare pp = signing.prePrepare(view, seq, block);
    Slot slot = slotFor(seq);
    slot.enterView(view);
    slot.prePrepare = pp;
    slot.rememberBody(block);
    out.signed(pp, seq);
    batchStartTick = now;
    setProgressTimerIfIdle();
    return true;
  }

  // ---------------------------------------------------------------- checkpoints (§4.3)

  private void onCheckpoint(Checkpoint m) {
    if (m.seq() % config.checkpointIntervalBlocks() != 0) {
      reject(m.sender(), Verdict.reject(Reason.BAD_PROOF, "checkpoint off the interval"));
      return;
    }
    acceptCheckpoint(m);
  }

  private void acceptCheckpoint(Checkpoint m) {
    if (m.seq() <= low) {
      return;
    }
    if (m.seq() > Math.max(highWatermark(), committedSeq + config.windowBlocks())) {
      // A replica far behind learns where the others are from f + 1 of them, then syncs.
      farCheckpoints.put(m.sender(), m);
      List<Long> far =
          farCheckpoints.values().stream()
              .map(Checkpoint::seq)
              .filter(s -> s > highWatermark())
              .sorted(java.util.Comparator.reverseOrder())
              .toList();
      if (far.size() >= validators.weakQuorum()) {
        syncTarget = Math.max(syncTarget, far.get(validators.weakQuorum() - 1));
        requestSync();
      }
      return;
    }
    TreeMap<PublicKey, Checkpoint> bySender =
        checkpoints.computeIfAbsent(m.seq(), s -> new TreeMap<>());
    if (bySender.containsKey(m.sender())) {
      return;
    }
    bySender.put(m.sender(), m);
    List<Checkpoint> matching =
        bySender.values().stream().filter(c -> c.digest().equals(m.digest())).toList();
    if (matching.size() >= validators.quorum()) {
      adoptStableCheckpoint(m.seq(), m.digest(), matching);
    }
  }

  private void adoptStableCheckpoint(long seq, Hash digest, List<Checkpoint> proof) {
    if (seq <= low) {
      return;
    }
    low = seq;
    lowDigest = digest;
    stableProof = List.copyOf(proof);
    out.persist.add(new PersistRecord.StableCheckpoint(seq, digest, proof));
    // Truncation keeps memory bounded on an arbitrarily long run (§4.3).
    slots.headMap(seq, true).clear();
    checkpoints.headMap(seq, true).clear();
    executedRoots.headMap(seq - config.windowBlocks(), false).clear();
    signedVotes.keySet().removeIf(k -> k.seq() <= seq);
    farCheckpoints.values().removeIf(c -> c.seq() <= seq);
    if (committedSeq < seq) {
      syncTarget = Math.max(syncTarget, seq);
      requestSync();
    }
  }

  // ---------------------------------------------------------------- view change (§4.4, §4.5.2)

  /** The request and new-view timeout now, in ticks (for tests). */
  int requestTimeoutTicks() {
    return timeoutTicks();
  }

  private int timeoutTicks() {
    int doublings = Math.min(viewChangesInARow, VIEW_CHANGE_BACKOFF_DOUBLINGS_MAX);
    return config.viewChangeTimeoutTicks() << doublings;
  }

  private boolean hasOutstandingWork() {
    if (!mempool.isEmpty()) {
      return true;
    }
    for (Slot s : slots.tailMap(committedSeq, false).values()) {
      if (s.view == view && s.prePrepare != null) {
        return true;
      }
    }
    return false;
  }

  private void setProgressTimer() {
    progressDeadline = hasOutstandingWork() ? now + timeoutTicks() : -1;
    if (progressDeadline >= 0) {
      out.timers.add(new Ready.Timer("request", progressDeadline));
    }
  }

  private void setProgressTimerIfIdle() {
    if (progressDeadline < 0) {
      setProgressTimer();
    }
  }

  private void startViewChange(long target, String why) {
    if (target <= view || !isValidator() || !recovery.maySign()) {
      return;
    }
    transitionTo(ReplicaState.VIEW_CHANGE, target, why);
    viewChangesInARow++;
    viewChangesStarted++;
    progressDeadline = -1;
    viewChangeDeadline = -1;
    List<PreparedCertificate> prepared = new ArrayList<>();
    for (Slot s : slots.tailMap(low, false).values()) {
      if (s.prepared != null) {
        prepared.add(s.prepared);
      }
    }
    ViewChange vc = signing.viewChange(target, low, lowDigest, stableProof, prepared);
    ownViewChange = vc;
    viewChangeResends = 0;
    nextViewChangeResendTick = now + config.retransmitTicks();
    viewChanges.computeIfAbsent(target, v -> new TreeMap<>()).put(self, vc);
    out.signed(vc, Long.MAX_VALUE);
    checkViewChangeQuorum();
  }

  private void onViewChange(ViewChange m) {
    long v = m.newView();
    if (v < view || (v == view && state == ReplicaState.NORMAL)) {
      // A new-view proves itself, so any replica may hand it to one that missed it.
      if (state == ReplicaState.NORMAL && lastNewView != null && lastNewView.view() == view) {
        out.sendTo(m.sender(), lastNewView);
      }
      reject(m.sender(), Verdict.reject(Reason.STALE, "view-change for view " + v));
      return;
    }
    if (v > view + ConsensusLimits.VIEW_CHANGE_VIEWS_MAX) {
      reject(m.sender(), Verdict.reject(Reason.OUTSIDE_WATERMARKS, "view-change too far ahead"));
      return;
    }
    TreeMap<PublicKey, ViewChange> bySender = viewChanges.computeIfAbsent(v, k -> new TreeMap<>());
    if (bySender.containsKey(m.sender())) {
      reject(m.sender(), Verdict.reject(Reason.CONFLICT, "second view-change for view " + v));
      return;
    }
    bySender.put(m.sender(), m);
    checkCertificatesForConflicts(m);
    viewChanges.headMap(view, false).clear();
    joinHigherViewIfSupported();
    checkViewChangeQuorum();
  }

  // §4.5.2: f + 1 view-changes for later views prove a correct replica wants to move; join the
  // smallest such view so that a slow replica cannot stall the others.
  private void joinHigherViewIfSupported() {
    TreeMap<PublicKey, Long> highestBySender = new TreeMap<>();
    for (Map.Entry<Long, TreeMap<PublicKey, ViewChange>> e :
        viewChanges.tailMap(view, false).entrySet()) {
      for (PublicKey sender : e.getValue().keySet()) {
        highestBySender.merge(sender, e.getKey(), Math::max);
      }
    }
    if (highestBySender.size() >= validators.weakQuorum()) {
      long target = highestBySender.values().stream().min(Long::compare).orElseThrow();
      startViewChange(target, "f + 1 replicas moved to view " + target + " or later");
    }
  }

  private void checkViewChangeQuorum() {
    if (state != ReplicaState.VIEW_CHANGE) {
      return;
    }
    TreeMap<PublicKey, ViewChange> vcs = viewChanges.getOrDefault(view, new TreeMap<>());
    if (vcs.size() < validators.quorum()) {
      return;
    }
    if (viewChangeDeadline < 0) {
      viewChangeDeadline = now + timeoutTicks();
      out.timers.add(new Ready.Timer("new-view", viewChangeDeadline));
    }
    if (isPrimary() && (lastNewView == null || lastNewView.view() != view)) {
      buildNewView(vcs);
    }
  }

  private void buildNewView(Map<PublicKey, ViewChange> vcs) {
    ViewChange own = vcs.get(self);
    if (own == null || !recovery.maySign()) {
      return;
    }
    List<ViewChange> chosen = new ArrayList<>();
    chosen.add(own);
    for (ViewChange vc : vcs.values()) {
      if (chosen.size() < validators.quorum() && !vc.sender().equals(self)) {
        chosen.add(vc);
      }
    }
    NewViewBuilder.Selection selection = NewViewBuilder.select(chosen);
    Optional<Parent> parent = headerAt(selection.minSeq(), selection.minDigest());
    if (parent.isEmpty()) {
      syncTarget = Math.max(syncTarget, selection.minSeq());
      return;
    }
    List<PrePrepare> prePrepares = new ArrayList<>();
    Parent current = parent.get();
    for (Map.Entry<Long, Optional<Block>> e : selection.chosen().entrySet()) {
      Block block = e.getValue().orElse(nullBlock(e.getKey(), current));
      prePrepares.add(signing.prePrepare(view, e.getKey(), block));
      current = parentFrom(block.header());
    }
    NewView nv = signing.newView(view, chosen, prePrepares);
    for (PrePrepare pp : prePrepares) {
      claimVote(WireCode.PRE_PREPARE, view, pp.seq(), pp.digest());
    }
    out.signed(nv, Long.MAX_VALUE);
    install(nv, selection);
  }

  private Optional<Parent> headerAt(long seq, Hash digest) {
    if (seq == 0) {
      return Optional.of(
          new Parent(digest, config.genesisTimeMillis(), 0, config.genesisStateRoot()));
    }
    BlockHeader header = committedHeaders.get(seq);
    return header != null && header.hash().equals(digest)
        ? Optional.of(parentFrom(header))
        : Optional.empty();
  }

  // The null request of §4.4 as a block: empty, extending the chosen chain, with the parent's
  // executed state and a time one millisecond after it, so that every replica accepts it.
  private Block nullBlock(long seq, Parent parent) {
    List<Transaction> none = List.of();
    BlockHeader header =
        new BlockHeader(
            config.chainId(),
            seq,
            view,
            parent.hash(),
            Block.txRoot(none),
            0,
            parent.executedHeight(),
            parent.executedRoot(),
            validators.hash(),
            self,
            parent.timestampMillis() + 1);
    return new Block(header, none);
  }

  private void onNewView(NewView m) {
    if (m.view() < view || (m.view() == view && state == ReplicaState.NORMAL)) {
      reject(m.sender(), Verdict.reject(Reason.STALE, "new-view for view " + m.view()));
      return;
    }
    NewViewBuilder.Selection selection = NewViewBuilder.select(m.viewChanges());
    if (!config.has(PlantedBug.NEW_VIEW_UNCHECKED)
        && !NewViewBuilder.matches(
            selection, m.prePrepares(), m.view(), m.sender(), validators.hash())) {
      reject(m.sender(), Verdict.reject(Reason.BAD_NEW_VIEW, "O does not follow from V"));
      startViewChange(Math.max(view, m.view()) + 1, "new primary's new-view is wrong");
      return;
    }
    install(m, selection);
  }

  private void install(NewView nv, NewViewBuilder.Selection selection) {
    transitionTo(ReplicaState.NORMAL, nv.view(), "new-view installed");
    lastNewView = nv;
    viewChangeDeadline = -1;
    if (selection.minSeq() > low) {
      adoptStableCheckpoint(selection.minSeq(), selection.minDigest(), selection.proof());
    }
    for (Slot s : slots.values()) {
      s.enterView(view);
    }
    for (PrePrepare pp : nv.prePrepares()) {
      if (pp.seq() <= committedSeq || pp.seq() <= low || pp.seq() > highWatermark()) {
        continue;
      }
      Slot slot = slotFor(pp.seq());
      slot.enterView(view);
      slot.prePrepare = pp;
      slot.fromNewView = true;
      slot.rememberBody(pp.block());
    }
    viewChanges.headMap(view, true).clear();
    setProgressTimer();
    advance();
  }

  // ---------------------------------------------------------------- sync (catch-up)

  private void requestSync() {
    if (syncTarget <= committedSeq) {
      return;
    }
    lastSyncTick = now;
    askForBlocks(
        Math.min(
            Math.min(syncTarget, committedSeq + ConsensusLimits.SYNC_BLOCKS_MAX), knownSetLimit()));
  }

  // Asks the next peer in turn for the blocks after the last commit, up to {@code to}.
  private void askForBlocks(long to) {
    if (validators.size() < 2 || to <= committedSeq) {
      return; // the blocks committed so far must execute first (a change may be in them)
    }
    PublicKey peer;
    do {
      peer = validators.get(syncPeerCursor++ % validators.size());
    } while (peer.equals(self));
    out.sendTo(peer, signing.syncRequest(committedSeq + 1, to));
  }

  private void onSyncResponse(SyncResponse m) {
    if (recovery.isProbing()) {
      recovery.onSyncAnswer(m.sender(), !m.blocks().isEmpty(), validators.quorum() - 1);
      if (recovery.maySign()) {
        log.info("{} {}", self.toHex().substring(0, 8), recovery.why());
      }
    }
    for (CertifiedBlock block : m.blocks()) {
      long height = block.block().height();
      if (height <= committedSeq
          || height > committedSeq + ConsensusLimits.SYNC_BLOCKS_MAX
          || height > knownSetLimit()
          || !isInCurrentEpoch(height)) {
        continue;
      }
      // Never trust a block for who sent it: only its certificate from the validator set counts.
      Verdict verdict = block.verify(validators);
      if (!verdict.isOk() || !block.block().header().chainId().equals(config.chainId())) {
        reject(m.sender(), Verdict.reject(Reason.BAD_CERTIFICATE, verdict.toString()));
        return;
      }
      syncedBlocks.put(height, block);
    }
    deliver();
    // An empty answer (the peer has nothing there) waits for the next retry period.
    if (syncTarget > committedSeq && !m.blocks().isEmpty()) {
      requestSync();
    }
  }

  // ---------------------------------------------------------------- validator sets (SPEC M-3)

  private boolean isValidator() {
    return validators.contains(self);
  }

  private void useValidators(ValidatorSet set) {
    validators = set;
    checker =
        new MessageValidator(
            config.chainId(),
            config.genesisHash(),
            config.windowBlocks(),
            set,
            prepareQuorum(),
            verifier);
  }

  // The ledger computed the activation height (ValidatorChange.activationHeight), the same on every
  // node; the replica only checks that it lies beyond any window it may already be ordering.
  private void scheduleValidators(long executed, ValidatorChange change) {
    Invariants.check(
        change.decidedAt() == executed
            && ValidatorChange.isSafe(executed, change.activationHeight(), config.windowBlocks()),
        "a validator change takes effect beyond the window of its decision");
    scheduledValidators.put(change.activationHeight(), change.validators());
  }

  /**
   * On restart, before the first step: a change the ledger decided before the head but that is not
   * in force at the next height (the constructor's set is the one in force there).
   */
  public void restoreScheduledChange(ValidatorChange change) {
    Invariants.check(
        change.activationHeight() > committedSeq + 1, "a restored change is not in force yet");
    scheduledValidators.put(change.activationHeight(), change.validators());
  }

  /**
   * The highest height whose validator set this replica surely knows: a change the ledger decides
   * in a block not yet executed here takes effect beyond it (ValidatorChange.activationHeight), so
   * a syncing replica fetches at most this far before executing what it has.
   */
  private long knownSetLimit() {
    return executedHeight + config.windowBlocks();
  }

  private boolean isInCurrentEpoch(long seq) {
    Map.Entry<Long, ValidatorSet> change = scheduledValidators.firstEntry();
    return change == null || seq < change.getKey();
  }

  private void switchValidators(ValidatorSet next) {
    log.debug("{} validator set changes at height {}", self, committedSeq + 1);
    useValidators(next);
    viewChanges.clear();
    farCheckpoints.clear();
  }

  // ---------------------------------------------------------------- equivocation guard, evidence

  /** Records that this replica signs a vote; false if it already signed another digest there. */
  private boolean claimVote(int phase, long inView, long seq, Hash digest) {
    Hash previous = signedVotes.putIfAbsent(new VoteKey(phase, inView, seq), digest);
    if (previous != null && !previous.equals(digest)) {
      log.warn("{} refused to sign a conflicting vote at view {} seq {}", self, inView, seq);
      count("refused_equivocation");
      return false;
    }
    return true;
  }

  private void reportConflict(ConsensusMessage first, ConsensusMessage second) {
    if (first.equals(second)) {
      count(Reason.DUPLICATE);
      return;
    }
    if (!Evidence.conflicts(first, second)) {
      reject(second.sender(), Verdict.reject(Reason.CONFLICT, "second message for one slot"));
      return;
    }
    reject(second.sender(), Verdict.reject(Reason.CONFLICT, "equivocation"));
    Evidence evidence = new Evidence(first, second);
    if (!isValidator() || !reportedEvidence.add(evidence)) {
      return;
    }
    if (reportedEvidence.size() > ConsensusLimits.EVIDENCE_REMEMBERED_MAX) {
      reportedEvidence.remove(reportedEvidence.iterator().next());
    }
    Transaction tx = evidence.toTransaction(signing.key(), config.chainId());
    out.gossip.add(tx);
    onSubmit(tx);
  }

  // ---------------------------------------------------------------- retransmission

  /**
   * Re-sends what this replica signed for the window (the paper assumes retransmission, §4.1): its
   * votes every period; its proposals when it made no progress for a whole period, and otherwise
   * every {@link ConsensusLimits#PROPOSALS_RESENT_EVERY_PERIODS_MAX} periods. Re-sending every
   * proposal of the window every period (up to 2K full blocks to every peer, five times a second)
   * was most of the peer links' traffic at full load and fed a collapse of view changes with seven
   * validators (docs/benchmarks.md, session 4). The votes are still re-sent every period, and the
   * proposals now and then even while progressing, because a replica left behind while the others
   * progress may need them (the simulator's withhold scenario failed on its default seeds when
   * votes were re-sent only when stalled).
   */
  private void retransmit(boolean proposalsToo) {
    if (state == ReplicaState.VIEW_CHANGE) {
      // Backoff: a view-change carries the prepared certificates with their blocks, and every
      // replica that already moved on answers one with its whole new-view. Re-sent every period
      // by seven validators, they filled the nodes' heaps (docs/benchmarks.md, session 4).
      if (ownViewChange != null
          && ownViewChange.newView() == view
          && now >= nextViewChangeResendTick) {
        out.broadcast(ownViewChange);
        viewChangeResends =
            Math.min(viewChangeResends + 1, ConsensusLimits.VIEW_CHANGE_RESEND_DOUBLINGS_MAX);
        nextViewChangeResendTick = now + ((long) config.retransmitTicks() << viewChangeResends);
      }
    } else {
      for (Slot s : slots.tailMap(low, false).values()) {
        // Pre-prepares from the new-view are safe to re-send: a replica in this view installed
        // the same new-view, and one in another view only keeps the body. Not once this replica
        // committed the block: 2f + 1 voted to commit it, a replica that missed the proposal sees
        // f + 1 of those votes and fetches the block with its certificate (catch-up). Re-sending
        // every block above the stable checkpoint (up to 2K) each period stalled seven validators
        // into view-change storms (docs/benchmarks.md, session 6).
        if (proposalsToo
            && s.seq > committedSeq
            && s.view == view
            && s.prePrepare != null
            && isPrimary()) {
          out.broadcast(s.prePrepare);
        }
        // Votes likewise, except the commit of the last block committed: f + 1 of those tell a
        // replica that missed blocks that it must catch up. Before, a replica re-sent a prepare
        // and a commit for every block in the window to every peer every period.
        Prepare own = s.view == view && s.seq > committedSeq ? s.prepares.get(self) : null;
        if (own != null) {
          out.broadcast(own);
        }
        if (s.ownCommit != null && s.seq >= committedSeq) {
          out.broadcast(s.ownCommit);
        }
      }
    }
    if (ownCheckpoint != null && ownCheckpoint.seq() >= low) {
      out.broadcast(ownCheckpoint);
    }
  }

  // ---------------------------------------------------------------- restart

  /** Rebuilds what this replica signed, so that it never signs a conflicting message again. */
  private void restore(List<PersistRecord> records) {
    long maxView = 0;
    for (PersistRecord r : records) {
      if (r instanceof PersistRecord.StableCheckpoint sc && sc.seq() > low) {
        low = sc.seq();
        lowDigest = sc.digest();
        stableProof = sc.proof();
      } else if (r instanceof PersistRecord.Signed s) {
        maxView = Math.max(maxView, viewOf(s.message()));
      }
    }
    view = maxView;
    for (PersistRecord r : records) {
      switch (r) {
        case PersistRecord.StableCheckpoint sc -> {}
        case PersistRecord.Prepared p -> restorePrepared(p.certificate());
        case PersistRecord.Signed s -> restoreSigned(s.message());
      }
    }
    if (committedSeq < low) {
      syncTarget = low;
    }
  }

  private static long viewOf(ConsensusMessage m) {
    return switch (m) {
      case PrePrepare x -> x.view();
      case Prepare x -> x.view();
      case Commit x -> x.view();
      case ViewChange x -> x.newView();
      case NewView x -> x.view();
      case Checkpoint x -> 0;
      case SyncRequest x -> 0;
      case SyncResponse x -> 0;
    };
  }

  private void restorePrepared(PreparedCertificate cert) {
    // A committed but not yet checkpointed block must stay in this replica's view-changes: the
    // new-view of a later view is computed from them and must not re-propose its sequence.
    if (cert.seq() > low) {
      Slot slot = slotFor(cert.seq());
      if (slot.prepared == null || slot.prepared.view() <= cert.view()) {
        slot.prepared = cert;
      }
      slot.rememberBody(cert.prePrepare().block());
    }
  }

  private void restoreSigned(ConsensusMessage m) {
    switch (m) {
      case PrePrepare x -> {
        claimVote(WireCode.PRE_PREPARE, x.view(), x.seq(), x.digest());
        if (x.view() == view && x.seq() > low && x.seq() > committedSeq) {
          Slot slot = slotFor(x.seq());
          slot.enterView(view);
          slot.prePrepare = x;
          slot.rememberBody(x.block());
        }
      }
      case Prepare x -> {
        claimVote(WireCode.PREPARE, x.view(), x.seq(), x.digest());
        if (x.view() == view && x.seq() > low && x.seq() > committedSeq) {
          Slot slot = slotFor(x.seq());
          slot.enterView(view);
          slot.prepares.put(self, x);
          slot.prepareSent = true;
        }
      }
      case Commit x -> {
        claimVote(WireCode.COMMIT, x.view(), x.seq(), x.digest());
        if (x.seq() > low && x.seq() > committedSeq) {
          Slot slot = slotFor(x.seq());
          slot.ownCommit = x;
          slot.commits.computeIfAbsent(x.view(), v -> new TreeMap<>()).put(self, x);
        }
      }
      case ViewChange x -> {
        if (x.newView() == view) {
          state = ReplicaState.VIEW_CHANGE;
          ownViewChange = x;
          viewChanges.computeIfAbsent(view, v -> new TreeMap<>()).put(self, x);
        }
      }
      case NewView x -> restoreNewView(x);
      case Checkpoint x -> {}
      case SyncRequest x -> {}
      case SyncResponse x -> {}
    }
  }

  private void restoreNewView(NewView nv) {
    for (PrePrepare pp : nv.prePrepares()) {
      claimVote(WireCode.PRE_PREPARE, pp.view(), pp.seq(), pp.digest());
    }
    if (nv.view() == view) {
      state = ReplicaState.NORMAL;
      lastNewView = nv;
      for (PrePrepare pp : nv.prePrepares()) {
        if (pp.seq() > low && pp.seq() > committedSeq) {
          Slot slot = slotFor(pp.seq());
          slot.enterView(view);
          if (slot.prePrepare == null) {
            slot.prePrepare = pp;
            slot.fromNewView = true;
          }
          slot.rememberBody(pp.block());
        }
      }
    }
  }

  // ---------------------------------------------------------------- metrics

  private void count(String reason) {
    rejections.merge(reason, 1L, Long::sum);
  }

  private void reject(PublicKey sender, Verdict verdict) {
    count(verdict.reason());
    // Only members are tracked (bounded by the set); the transport admits members only anyway.
    if (Reason.PENALISED.contains(verdict.reason()) && validators.contains(sender)) {
      int invalid = invalidBySender.merge(sender, 1, Integer::sum);
      if (invalid > ConsensusLimits.INVALID_MESSAGES_BEFORE_PENALTY_MAX && penalized.add(sender)) {
        out.penalize.add(sender);
      }
    }
  }
}
