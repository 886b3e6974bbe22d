package org.alliancechain.core.exec;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.store.RocksStore;
import org.alliancechain.core.tx.Transaction;

/** Four real validators that certify the next block of a store, as a committing quorum would. */
public final class ChainFixture {
  public static final String CHAIN = "test-chain";

  private final List<KeyPair> validatorKeys = new ArrayList<>();
  private final ValidatorSet validators;

  public ChainFixture() {
    for (int i = 1; i <= 4; i++) {
      validatorKeys.add(key(100 + i));
    }
    validators = ValidatorSet.of(validatorKeys.stream().map(KeyPair::publicKey).toList());
  }

  public static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[0] = (byte) i;
    seed[1] = (byte) (i >>> 8);
    seed[31] = 7;
    return KeyPair.fromSeed(seed);
  }

  public ValidatorSet validators() {
    return validators;
  }

  /** The header of the block after the store's head, executed up to the head. */
  public BlockHeader nextHeader(RocksStore store, List<Transaction> txs) {
    long height = store.head() + 1;
    Hash previous =
        height == 1 ? store.genesisHash() : store.block(height - 1).orElseThrow().block().hash();
    return new BlockHeader(
        CHAIN,
        height,
        0,
        previous,
        Block.txRoot(txs),
        txs.size(),
        store.head(),
        store.stateRoot(store.head()).orElseThrow(),
        validators.hash(),
        validators.get(0),
        1_000_000 + height * 1_000);
  }

  public CertifiedBlock next(RocksStore store, List<Transaction> txs) {
    return certify(nextHeader(store, txs), txs);
  }

  /** Signs the header with a quorum (the first three validators in set order). */
  public CertifiedBlock certify(BlockHeader header, List<Transaction> txs) {
    List<CommitCertificate.Vote> votes = new ArrayList<>();
    for (int i = 0; i < validators.quorum(); i++) {
      KeyPair signer = signerOf(i);
      votes.add(
          new CommitCertificate.Vote(
              i,
              CommitCertificate.signVote(
                  signer, header.chainId(), header.view(), header.height(), header.hash())));
    }
    return new CertifiedBlock(
        new Block(header, txs),
        new CommitCertificate(header.height(), header.view(), header.hash(), votes));
  }

  private KeyPair signerOf(int index) {
    return validatorKeys.stream()
        .filter(k -> k.publicKey().equals(validators.get(index)))
        .findFirst()
        .orElseThrow();
  }
}
