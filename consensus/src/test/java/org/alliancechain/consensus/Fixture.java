package org.alliancechain.consensus;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.core.ConsensusConfig;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;

/** Four validators in validator-set order, their signers, and block builders for unit tests. */
public final class Fixture {
  public static final String CHAIN = "unit-chain";
  public static final Hash GENESIS = Sha256.hash(new byte[] {42});

  public final List<KeyPair> keys = new ArrayList<>();
  public final ValidatorSet validators;
  public final ConsensusConfig config = ConsensusConfig.forTests(CHAIN, GENESIS);

  public Fixture(int n) {
    List<KeyPair> raw = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (i + 1);
      seed[5] = 9;
      raw.add(KeyPair.fromSeed(seed));
    }
    validators = ValidatorSet.of(raw.stream().map(KeyPair::publicKey).toList());
    for (int i = 0; i < n; i++) {
      int index = i;
      keys.add(
          raw.stream()
              .filter(k -> k.publicKey().equals(validators.get(index)))
              .findFirst()
              .orElseThrow());
    }
  }

  public Signing signer(int validatorIndex) {
    return new Signing(CHAIN, keys.get(validatorIndex));
  }

  public static Transaction tx(int nonce) {
    byte[] seed = new byte[32];
    seed[0] = 77;
    KeyPair client = KeyPair.fromSeed(seed);
    return Transaction.sign(client, CHAIN, nonce, 1, Bytes.wrap(new byte[] {(byte) nonce}));
  }

  public Block block(long height, long view, int proposer, Hash parent, long timeMillis, int txs) {
    List<Transaction> list = new ArrayList<>();
    for (int i = 0; i < txs; i++) {
      list.add(tx((int) height * 100 + i));
    }
    BlockHeader header =
        new BlockHeader(
            CHAIN,
            height,
            view,
            parent,
            Block.txRoot(list),
            list.size(),
            0,
            config.genesisStateRoot(),
            validators.hash(),
            keys.get(proposer).publicKey(),
            timeMillis);
    return new Block(header, list);
  }
}
