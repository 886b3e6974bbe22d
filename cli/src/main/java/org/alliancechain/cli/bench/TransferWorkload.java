package org.alliancechain.cli.bench;

import java.util.List;
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
final class TransferWorkload extends Workload {
  private TransferWorkload(int senders, int perSender, byte[][] bodies, String[] hashes) {
    super(senders, perSender, bodies, hashes);
  }

  /** Signs {@code perSender} transfers for each key, in parallel over senders. */
  static TransferWorkload sign(String chainId, List<KeyPair> keys, int perSender) {
    int senders = keys.size();
    byte[][] bodies = new byte[senders * perSender][];
    String[] hashes = new String[bodies.length];
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
                int id = n * senders + s;
                bodies[id] = tx.encode();
                hashes[id] = tx.hash().toHex();
              }
            });
    return new TransferWorkload(senders, perSender, bodies, hashes);
  }

  @Override
  String name() {
    return "transfer";
  }

  @Override
  int dependency(int id) {
    return -1;
  }

  @Override
  String step(int id) {
    return "transfer";
  }
}
