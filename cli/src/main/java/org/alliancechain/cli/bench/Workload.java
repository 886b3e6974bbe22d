package org.alliancechain.cli.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * A pre-signed workload. Transaction {@code id} = {@code nonce * senders + sender}: ids in order
 * interleave senders and keep each sender's nonces in order, which the load generator relies on.
 */
abstract class Workload {
  private final int senders;
  private final int perSender;
  private final byte[][] bodies;
  private final String[] hashes;
  private final Map<String, Integer> idByHash;

  Workload(int senders, int perSender, byte[][] bodies, String[] hashes) {
    this.senders = senders;
    this.perSender = perSender;
    this.bodies = bodies;
    this.hashes = hashes;
    this.idByHash = new HashMap<>(2 * hashes.length);
    for (int id = 0; id < hashes.length; id++) {
      idByHash.put(hashes[id], id);
    }
  }

  /** The name given to {@code --workload}. */
  abstract String name();

  /**
   * The transaction that must be committed before {@code id} is submitted, or -1. Only other
   * senders' transactions are named: a sender's own earlier nonces are committed first anyway.
   */
  abstract int dependency(int id);

  /** A short label of what transaction {@code id} does ("transfer", "offer", ...). */
  abstract String step(int id);

  final int senders() {
    return senders;
  }

  /** Transactions of all senders. */
  final int size() {
    return bodies.length;
  }

  final int perSender() {
    return perSender;
  }

  final int sender(int id) {
    return id % senders;
  }

  /** Mean encoded size of one signed transaction (the wire form, not the JSON around it). */
  final int txBytes() {
    long sum = 0;
    int count = Math.min(bodies.length, 10_000);
    for (int id = 0; id < count; id++) {
      sum += bodies[id].length;
    }
    return count == 0 ? 0 : (int) (sum / count);
  }

  /** The canonical encoding of transaction {@code id}. */
  final byte[] encoded(int id) {
    return bodies[id];
  }

  /** Hash (hex) of transaction {@code id}, for status queries after the run. */
  final String hash(int id) {
    return hashes[id];
  }

  /** The id of a workload transaction, or -1 for any other (the funding deposits). */
  final int id(String hashHex) {
    Integer id = idByHash.get(hashHex);
    return id == null ? -1 : id;
  }
}
