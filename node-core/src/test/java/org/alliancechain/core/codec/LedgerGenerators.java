package org.alliancechain.core.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;

/**
 * Seeded generators of ledger values for property tests. Keys and signatures are random bytes: the
 * codec does not look inside them, and skipping Ed25519 keeps the tests fast. Edge values (0, the
 * largest allowed, the longest chain id) come up often on purpose.
 */
public final class LedgerGenerators {
  private static final String CHAIN_ID_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

  private final SplittableRandom random;

  public LedgerGenerators(SplittableRandom random) {
    this.random = random;
  }

  /** The seed of a property test: {@code -D<name>.seed=} replays a run. Printed for replay. */
  public static long seed(String name) {
    long seed = Long.getLong(name + ".seed", System.nanoTime());
    System.out.println(name + " seed: -D" + name + ".seed=" + seed);
    return seed;
  }

  public SplittableRandom random() {
    return random;
  }

  public byte[] bytes(int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  public Hash hash() {
    return Hash.of(bytes(Hash.SIZE_BYTES));
  }

  public PublicKey key() {
    return PublicKey.of(bytes(PublicKey.SIZE_BYTES));
  }

  public Signature signature() {
    return Signature.of(bytes(Signature.SIZE_BYTES));
  }

  /** Non-negative, with 0, 1 and Long.MAX_VALUE often. */
  public long u63() {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> 1;
      case 2 -> Long.MAX_VALUE;
      case 3 -> random.nextLong(1_000);
      default -> random.nextLong(Long.MAX_VALUE);
    };
  }

  public String chainId() {
    int length =
        random.nextInt(4) == 0
            ? Transaction.CHAIN_ID_BYTES_MAX
            : random.nextInt(1, Transaction.CHAIN_ID_BYTES_MAX + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(CHAIN_ID_CHARS.charAt(random.nextInt(CHAIN_ID_CHARS.length())));
    }
    return out.toString();
  }

  public Transaction transaction() {
    return transaction(chainId());
  }

  public Transaction transaction(String chainId) {
    int payloadBytes =
        switch (random.nextInt(8)) {
          case 0 -> 0;
          case 1 -> random.nextInt(1, 4096);
          default -> random.nextInt(1, 300);
        };
    int kind = random.nextInt(4) == 0 ? Transaction.KIND_MAX : random.nextInt(100);
    return new Transaction(
        chainId, key(), u63(), kind, Bytes.wrap(bytes(payloadBytes)), signature());
  }

  public BlockHeader header() {
    return header(chainId());
  }

  public BlockHeader header(String chainId) {
    long height = random.nextInt(5) == 0 ? 0 : random.nextLong(1, Long.MAX_VALUE);
    long executedHeight = height == 0 ? 0 : random.nextLong(height);
    int txCount =
        random.nextInt(5) == 0 ? Block.TRANSACTIONS_MAX : random.nextInt(Block.TRANSACTIONS_MAX);
    return new BlockHeader(
        chainId,
        height,
        u63(),
        hash(),
        hash(),
        txCount,
        executedHeight,
        hash(),
        hash(),
        key(),
        u63());
  }

  public Block block() {
    String chainId = chainId();
    int count = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 12);
    List<Transaction> txs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      txs.add(transaction(chainId));
    }
    return new Block(header(chainId), txs);
  }

  public CommitCertificate certificate() {
    List<CommitCertificate.Vote> votes = new ArrayList<>();
    int validator = random.nextInt(3) - 1;
    int count = random.nextInt(12);
    for (int i = 0; i < count; i++) {
      validator += random.nextInt(1, 40);
      if (validator >= ValidatorSet.SIZE_MAX) {
        break;
      }
      votes.add(new CommitCertificate.Vote(validator, signature()));
    }
    return new CommitCertificate(u63(), u63(), hash(), votes);
  }

  public CertifiedBlock certifiedBlock() {
    return new CertifiedBlock(block(), certificate());
  }

  public ValidatorSet validatorSet() {
    int size = random.nextInt(8) == 0 ? ValidatorSet.SIZE_MAX : random.nextInt(1, 21);
    List<PublicKey> keys = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      keys.add(key());
    }
    return ValidatorSet.of(keys);
  }
}
