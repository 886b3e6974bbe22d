package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.mempool.Mempool;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// docs/benchmarks.md step 4: the replica proposes from the node's one mempool, in nonce order.
class NodeTxPoolTest {
  private static final String CHAIN = "pool-chain";
  private final Map<PublicKey, Long> committedNonces = new HashMap<>();
  private final Mempool mempool =
      new Mempool(CHAIN, 100, sender -> committedNonces.getOrDefault(sender, 0L));
  private final NodeTxPool pool = new NodeTxPool(mempool);

  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[31] = (byte) i;
    return KeyPair.fromSeed(seed);
  }

  private static Transaction tx(int sender, long nonce) {
    return Transaction.sign(key(sender), CHAIN, nonce, 1, Bytes.of(new byte[] {(byte) nonce}));
  }

  private static Block block(List<Transaction> txs) {
    BlockHeader header =
        new BlockHeader(
            CHAIN,
            1,
            0,
            Hash.ZERO,
            Block.txRoot(txs),
            txs.size(),
            0,
            Hash.ZERO,
            Hash.ZERO,
            key(9).publicKey(),
            1);
    return new Block(header, txs);
  }

  @Test
  void proposesEachSendersNoncesInOrderWhateverTheArrivalOrder() {
    mempool.add(tx(1, 1));
    mempool.add(tx(1, 0));
    assertThat(pool.batch(10, Set.of())).containsExactly(tx(1, 0), tx(1, 1));
  }

  @Test
  void transactionsCommittedButNotYetExecutedAreNeitherProposedNorWork() {
    mempool.add(tx(1, 0));
    mempool.add(tx(1, 1));
    pool.onCommitted(block(List.of(tx(1, 0))));
    // The node has not executed the block: nonce 0 is still pooled and the committed nonce is 0.
    assertThat(pool.isCommitted(tx(1, 0).hash())).isTrue();
    assertThat(pool.batch(10, Set.of())).containsExactly(tx(1, 1));
    pool.onCommitted(block(List.of(tx(1, 1))));
    assertThat(pool.isEmpty()).isTrue();
  }

  @Test
  void transactionsBehindANonceGapAreNotWork() {
    mempool.add(tx(1, 1));
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.isEmpty()).as("nothing proposable keeps no progress timer running").isTrue();
    assertThat(pool.add(tx(1, 0).hash(), tx(1, 0))).isTrue();
    assertThat(pool.isEmpty()).isFalse();
    assertThat(pool.batch(10, Set.of(tx(1, 0).hash()))).containsExactly(tx(1, 1));
  }

  @Test
  void aTransactionInTheIndexIsCommittedEvenAfterARestartEmptiedTheRecentSet() {
    // Reliability finding 3: after a restart the recent set is empty, the index is not.
    Transaction old = tx(1, 0);
    NodeTxPool restarted = new NodeTxPool(mempool, h -> h.equals(old.hash()));
    assertThat(restarted.isCommitted(old.hash())).isTrue();
    assertThat(restarted.isKnown(old.hash())).isTrue();
    assertThat(restarted.isCommitted(tx(1, 1).hash())).isFalse();
    assertThat(pool.isCommitted(old.hash())).as("without the index").isFalse();
  }
}
