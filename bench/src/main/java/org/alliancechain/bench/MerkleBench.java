package org.alliancechain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.merkle.MerkleProof;
import org.alliancechain.core.merkle.MerkleTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * RFC 6962 Merkle root of 10,000 leaves (issue 2), and proof verification for scale. Results:
 * docs/ledger-format.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MerkleBench {
  static final int LEAVES = 10_000;

  private List<byte[]> leaves;
  private List<Hash> leafHashes;
  private Hash root;
  private int index;
  private List<Hash> proof;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    leaves = new ArrayList<>(LEAVES);
    for (int i = 0; i < LEAVES; i++) {
      byte[] leaf = new byte[32];
      random.nextBytes(leaf);
      leaves.add(leaf);
    }
    leafHashes = leaves.stream().map(MerkleTree::leafHash).toList();
    root = MerkleTree.rootOfLeafHashes(leafHashes);
    index = 6_789;
    proof = MerkleProof.inclusionProof(leafHashes, index);
  }

  /** Interior hashing only: the leaves are already hashed. */
  @Benchmark
  public Hash rootOfLeafHashes() {
    return MerkleTree.rootOfLeafHashes(leafHashes);
  }

  /** Leaf hashing plus the tree: 10,000 32-byte leaves from scratch. */
  @Benchmark
  public Hash rootOfLeaves() {
    return MerkleTree.root(leaves);
  }

  @Benchmark
  public Verdict verifyInclusion() {
    return MerkleProof.verifyInclusion(leafHashes.get(index), index, LEAVES, proof, root);
  }
}
