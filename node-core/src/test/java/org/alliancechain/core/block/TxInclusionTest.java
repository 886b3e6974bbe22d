package org.alliancechain.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.merkle.MerkleTree;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// SPEC M-26: the header commits to the transactions' RFC 6962 root, with inclusion proofs.
class TxInclusionTest {
  private static final String CHAIN = "alliance-1";

  private static Block block(int count) {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      txs.add(
          new Transaction(
              CHAIN,
              PublicKey.of(new byte[32]),
              i,
              1,
              Bytes.of(new byte[] {(byte) i}),
              Signature.of(new byte[64])));
    }
    BlockHeader header =
        new BlockHeader(
            CHAIN,
            1,
            0,
            Hash.ZERO,
            Block.txRoot(txs),
            count,
            0,
            Hash.ZERO,
            Hash.ZERO,
            PublicKey.of(new byte[32]),
            1);
    return new Block(header, txs);
  }

  @Test
  void everyTransactionOfABlockHasAProofAgainstTheHeaderAlone() {
    Block block = block(13);
    for (int i = 0; i < 13; i++) {
      Hash txHash = block.transactions().get(i).hash();
      List<Hash> proof = block.txInclusionProof(i);
      assertThat(Block.verifyTxInclusion(block.header(), txHash, i, proof).isOk()).isTrue();
      Hash other = block.transactions().get((i + 1) % 13).hash();
      assertThat(Block.verifyTxInclusion(block.header(), other, i, proof).reason())
          .isEqualTo("root_mismatch");
    }
  }

  @Test
  void txRootIsTheRfc6962RootOverLeafHashesOfTransactionHashes() {
    Block block = block(3);
    // Leaf data is the 32-byte transaction hash: leaf hash = SHA-256(0x00 ‖ SHA-256(tx bytes)).
    List<Hash> leaves =
        block.transactions().stream().map(tx -> MerkleTree.leafHash(tx.hash().toBytes())).toList();
    Hash expected =
        MerkleTree.nodeHash(MerkleTree.nodeHash(leaves.get(0), leaves.get(1)), leaves.get(2));
    assertThat(block.header().txRoot()).isEqualTo(expected);
  }

  @Test
  void theProofUsesTheHeadersCountAsTheTreeSize() {
    Block block = block(5);
    Hash first = block.transactions().get(0).hash();
    List<Hash> proof = block.txInclusionProof(0);
    BlockHeader h = block.header();
    BlockHeader lying =
        new BlockHeader(
            h.chainId(),
            h.height(),
            h.view(),
            h.previousHash(),
            h.txRoot(),
            2,
            h.executedHeight(),
            h.executedStateRoot(),
            h.validatorSetHash(),
            h.proposer(),
            h.timestampMillis());
    assertThat(Block.verifyTxInclusion(lying, first, 0, proof).isOk()).isFalse();
    assertThat(Block.verifyTxInclusion(h, first, 5, proof).reason())
        .isEqualTo("index_out_of_range");
  }
}
