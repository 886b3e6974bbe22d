package org.alliancechain.core.mempool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.core.tx.TxRules;

/**
 * Transactions waiting for a block. Each is checked once on admission (chain id, size, signature,
 * nonce not already used): the signature check is the expensive part, so a transaction in the pool
 * is never verified again by this node (the proposal path refers to pooled transactions).
 *
 * <p>Per sender, transactions are kept by nonce; {@link #reap} hands out only runs of consecutive
 * nonces starting at the sender's next committed nonce, so a block never holds a nonce gap. Senders
 * are served round-robin in order of their oldest waiting transaction, so one busy sender cannot
 * starve the others. Thread-safe: the API and peer threads add, the consensus driver reaps.
 */
public final class Mempool {
  public static final int NONCE_AHEAD_MAX = 1_000;

  private final String chainId;
  private final int capacityTxMax;
  private final NonceSource committedNonces;
  private final java.util.function.Predicate<Hash> inChain;
  // Insertion-ordered by each sender's arrival; iteration order never reaches consensus bytes
  // except through reap's documented round-robin over this order.
  private final Map<PublicKey, NavigableMap<Long, Transaction>> bySender =
      new java.util.LinkedHashMap<>();
  private final Map<Hash, Transaction> byHash = new HashMap<>();
  private long additions;
  // Handed out by reap() but not yet committed or returned; skipped by later reaps.
  private final Map<PublicKey, Long> reservedUpTo = new HashMap<>();

  public Mempool(String chainId, int capacityTxMax, NonceSource committedNonces) {
    this(chainId, capacityTxMax, committedNonces, hash -> false);
  }

  /**
   * With {@code inChain}, which says whether a transaction hash is already in a committed block: a
   * transaction committed as failed keeps its nonce unused (a nonce gap, say), so the nonce check
   * alone would let the same bytes into a second block. Found by {@code alliance dev chaos}.
   */
  public Mempool(
      String chainId,
      int capacityTxMax,
      NonceSource committedNonces,
      java.util.function.Predicate<Hash> inChain) {
    if (capacityTxMax < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.chainId = chainId;
    this.capacityTxMax = capacityTxMax;
    this.committedNonces = committedNonces;
    this.inChain = inChain;
  }

  /** Admits a transaction, or says why not. Idempotent for a transaction already pooled. */
  public synchronized Verdict add(Transaction tx) {
    Verdict known = checkKnown(tx);
    if (!known.isOk()) {
      return known;
    }
    Hash hash = tx.hash();
    long next = committedNonces.nextNonce(tx.sender());
    if (tx.nonce() - next > NONCE_AHEAD_MAX) {
      return Verdict.reject(
          "nonce_too_far", "nonce " + tx.nonce() + " is more than " + NONCE_AHEAD_MAX + " ahead");
    }
    NavigableMap<Long, Transaction> queue = bySender.get(tx.sender());
    if (inChain.test(hash)) {
      return Verdict.reject("already_committed", "already in a block: " + hash.shortHex());
    }
    if (queue != null && queue.containsKey(tx.nonce())) {
      return Verdict.reject(
          "nonce_taken", "another transaction with nonce " + tx.nonce() + " is waiting");
    }
    if (byHash.size() >= capacityTxMax) {
      return Verdict.reject("pool_full", "the pool holds " + capacityTxMax + " transactions");
    }
    // Last, because it verifies the signature: the one expensive check, done once per transaction.
    Verdict stateless = TxRules.checkStateless(tx, chainId);
    if (!stateless.isOk()) {
      return stateless;
    }
    bySender.computeIfAbsent(tx.sender(), k -> new TreeMap<>()).put(tx.nonce(), tx);
    byHash.put(hash, tx);
    additions++;
    return Verdict.ok();
  }

  /**
   * The rules of {@link #add} that need no signature check: already waiting here ({@code
   * duplicate}) or its nonce already used ({@code nonce_used}). A node drops peers' gossip that
   * fails them before verifying its signatures.
   */
  public synchronized Verdict checkKnown(Transaction tx) {
    Hash hash = tx.hash();
    if (byHash.containsKey(hash)) {
      return Verdict.reject("duplicate", "already in the pool: " + hash.shortHex());
    }
    long next = committedNonces.nextNonce(tx.sender());
    if (tx.nonce() < next) {
      return Verdict.reject("nonce_used", "nonce " + tx.nonce() + " used; next is " + next);
    }
    return Verdict.ok();
  }

  /**
   * Up to {@code max} transactions ready for a block, reserved until {@link #commit} or {@link
   * #release}.
   */
  public synchronized List<Transaction> reap(int max) {
    List<Transaction> batch = new ArrayList<>(Math.min(max, byHash.size()));
    Map<PublicKey, Long> cursor = new HashMap<>();
    List<PublicKey> senders = new ArrayList<>(bySender.keySet());
    boolean progressed = true;
    while (batch.size() < max && progressed) {
      progressed = false;
      for (PublicKey sender : senders) {
        if (batch.size() >= max) {
          break;
        }
        long wanted =
            cursor.computeIfAbsent(
                sender,
                s -> Math.max(committedNonces.nextNonce(s), reservedUpTo.getOrDefault(s, -1L) + 1));
        Transaction tx = bySender.get(sender).get(wanted);
        if (tx != null) {
          batch.add(tx);
          cursor.put(sender, wanted + 1);
          reservedUpTo.put(sender, wanted);
          progressed = true;
        }
      }
    }
    return batch;
  }

  /**
   * Up to {@code max} transactions for a proposal, without reserving them: per sender, the run of
   * consecutive nonces from its next committed nonce, passing over (but counting as used) those
   * {@code skip} names, i.e. those already in flight in earlier proposals or committed but not yet
   * executed. Senders round-robin as in {@link #reap}. A block built from it never holds a nonce
   * gap as long as the skipped ones commit first.
   */
  public synchronized List<Transaction> proposable(
      int max, java.util.function.Predicate<Hash> skip) {
    List<Transaction> batch = new ArrayList<>(Math.min(max, byHash.size()));
    Map<PublicKey, Long> cursor = new HashMap<>();
    List<PublicKey> senders = new ArrayList<>(bySender.keySet());
    boolean progressed = true;
    while (batch.size() < max && progressed) {
      progressed = false;
      for (PublicKey sender : senders) {
        if (batch.size() >= max) {
          break;
        }
        NavigableMap<Long, Transaction> queue = bySender.get(sender);
        long wanted = cursor.computeIfAbsent(sender, committedNonces::nextNonce);
        Transaction tx = queue.get(wanted);
        while (tx != null && skip.test(tx.hash())) {
          wanted++;
          tx = queue.get(wanted);
        }
        cursor.put(sender, wanted);
        if (tx != null) {
          batch.add(tx);
          cursor.put(sender, wanted + 1);
          progressed = true;
        }
      }
    }
    return batch;
  }

  /** Forgets committed transactions and any now-stale ones of their senders. */
  public synchronized void commit(List<Transaction> committed) {
    for (Transaction tx : committed) {
      remove(tx);
    }
    for (Transaction tx : committed) {
      PublicKey sender = tx.sender();
      NavigableMap<Long, Transaction> queue = bySender.get(sender);
      long next = committedNonces.nextNonce(sender);
      if (queue != null) {
        for (Transaction stale : List.copyOf(queue.headMap(next, false).values())) {
          remove(stale);
        }
      }
      Long reserved = reservedUpTo.get(sender);
      if (reserved != null && reserved < next) {
        reservedUpTo.remove(sender);
      }
    }
  }

  /** Makes reserved transactions available again (their block was not committed). */
  public synchronized void release() {
    reservedUpTo.clear();
  }

  private void remove(Transaction tx) {
    if (byHash.remove(tx.hash()) == null) {
      return;
    }
    NavigableMap<Long, Transaction> queue = bySender.get(tx.sender());
    queue.remove(tx.nonce());
    if (queue.isEmpty()) {
      bySender.remove(tx.sender());
      reservedUpTo.remove(tx.sender());
    }
  }

  /**
   * Each sender whose next committed nonce has a transaction waiting here, with that nonce, in
   * arrival order of the senders. A sender whose nonce stays the same while its transaction waits
   * is stalled: see the node's re-gossip of stalled senders.
   */
  public synchronized Map<PublicKey, Long> readySenders() {
    Map<PublicKey, Long> ready = new java.util.LinkedHashMap<>();
    for (Map.Entry<PublicKey, NavigableMap<Long, Transaction>> e : bySender.entrySet()) {
      long next = committedNonces.nextNonce(e.getKey());
      if (e.getValue().containsKey(next)) {
        ready.put(e.getKey(), next);
      }
    }
    return ready;
  }

  /** The sender's waiting run of consecutive nonces from {@code from}, at most {@code max}. */
  public synchronized List<Transaction> run(PublicKey sender, long from, int max) {
    List<Transaction> run = new ArrayList<>();
    NavigableMap<Long, Transaction> queue = bySender.get(sender);
    if (queue == null) {
      return run;
    }
    for (long nonce = from; run.size() < max; nonce++) {
      Transaction tx = queue.get(nonce);
      if (tx == null) {
        break;
      }
      run.add(tx);
    }
    return run;
  }

  public synchronized boolean contains(Hash txHash) {
    return byHash.containsKey(txHash);
  }

  /** A pooled transaction by hash (a proposal that names it need not carry it again). */
  public synchronized java.util.Optional<Transaction> get(Hash txHash) {
    return java.util.Optional.ofNullable(byHash.get(txHash));
  }

  /** How many transactions were ever admitted (a count that moves on every admission). */
  public synchronized long additions() {
    return additions;
  }

  public synchronized int size() {
    return byHash.size();
  }
}
