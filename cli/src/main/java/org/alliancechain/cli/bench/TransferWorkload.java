package org.alliancechain.cli.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;

/**
 * The {@code transfer} workload, pre-signed: every member sends 1 minor unit of money to the next
 * member, nonces 0, 1, 2, ... The ledger only lets active members send (TokenApplication.authorize)
 * and only to members (TxHandlers.requireMember), so the senders are the validators' own member
 * accounts, each with its own nonce sequence, funded beforehand by gateway deposits.
 *
 * <p>Transaction {@code id} = {@code index * senders + sender}: ids in order interleave senders and
 * keep each sender's nonces in order.
 */
final class TransferWorkload {
  private final int senders;
  private final int perSender;
  private final byte[][] bodies;
  private final Map<String, Integer> idByHash;
  private final int txBytes;

  private TransferWorkload(
      int senders, int perSender, byte[][] bodies, Map<String, Integer> idByHash, int txBytes) {
    this.senders = senders;
    this.perSender = perSender;
    this.bodies = bodies;
    this.idByHash = idByHash;
    this.txBytes = txBytes;
  }

  /** Signs {@code perSender} transfers for each key, in parallel over senders. */
  static TransferWorkload sign(String chainId, List<KeyPair> keys, int perSender) {
    int senders = keys.size();
    byte[][] bodies = new byte[senders * perSender][];
    String[] hashes = new String[bodies.length];
    int[] sizes = new int[senders];
    IntStream.range(0, senders)
        .parallel()
        .forEach(
            s -> {
              KeyPair key = keys.get(s);
              TokenTx transfer =
                  new TokenTx.TransferMoney(keys.get((s + 1) % senders).publicKey(), 1);
              var payload = TxCodec.encode(transfer);
              for (int n = 0; n < perSender; n++) {
                Transaction tx = Transaction.sign(key, chainId, n, transfer.kind().code(), payload);
                byte[] encoded = tx.encode();
                sizes[s] = encoded.length;
                int id = n * senders + s;
                bodies[id] = encoded;
                hashes[id] = tx.hash().toHex();
              }
            });
    Map<String, Integer> idByHash = new HashMap<>(2 * bodies.length);
    for (int id = 0; id < hashes.length; id++) {
      idByHash.put(hashes[id], id);
    }
    return new TransferWorkload(senders, perSender, bodies, idByHash, sizes[0]);
  }

  int senders() {
    return senders;
  }

  int size() {
    return bodies.length;
  }

  int perSender() {
    return perSender;
  }

  /** Encoded size of one signed transaction (the wire form, not the JSON around it). */
  int txBytes() {
    return txBytes;
  }

  int sender(int id) {
    return id % senders;
  }

  /** The canonical encoding of transaction {@code id}. */
  byte[] encoded(int id) {
    return bodies[id];
  }

  /** The id of a workload transaction, or -1 for any other (the funding deposits). */
  int id(String hashHex) {
    Integer id = idByHash.get(hashHex);
    return id == null ? -1 : id;
  }
}
