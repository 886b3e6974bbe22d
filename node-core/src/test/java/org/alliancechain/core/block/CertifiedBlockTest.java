package org.alliancechain.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// SPEC M-26: blocks commit to their transactions and carry a quorum certificate.
class CertifiedBlockTest {
  private static final String CHAIN = "test-chain";

  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[0] = (byte) i;
    return KeyPair.fromSeed(seed);
  }

  private static CertifiedBlock block(List<KeyPair> validators, int signers) {
    ValidatorSet set = ValidatorSet.of(validators.stream().map(KeyPair::publicKey).toList());
    List<Transaction> txs =
        List.of(
            Transaction.sign(key(9), CHAIN, 0, 1, Bytes.of(new byte[] {1, 2})),
            Transaction.sign(key(9), CHAIN, 1, 1, Bytes.of(new byte[] {3})));
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
            set.hash(),
            set.get(0),
            1_000);
    List<CommitCertificate.Vote> votes = new ArrayList<>();
    for (int i = 0; i < signers; i++) {
      PublicKey member = set.get(i);
      KeyPair signer =
          validators.stream().filter(k -> k.publicKey().equals(member)).findFirst().orElseThrow();
      votes.add(
          new CommitCertificate.Vote(
              i, CommitCertificate.signVote(signer, CHAIN, 0, 1, header.hash())));
    }
    return new CertifiedBlock(
        new Block(header, txs), new CommitCertificate(1, 0, header.hash(), votes));
  }

  @Test
  void quorumCertificateVerifiesAndSurvivesEncoding() {
    List<KeyPair> keys = List.of(key(1), key(2), key(3), key(4));
    CertifiedBlock certified = block(keys, 3);
    ValidatorSet set = ValidatorSet.of(keys.stream().map(KeyPair::publicKey).toList());
    assertThat(certified.verify(set).isOk()).isTrue();
    CertifiedBlock decoded = CertifiedBlock.decode(certified.encode());
    assertThat(decoded.encode()).isEqualTo(certified.encode());
    assertThat(decoded.verify(set).isOk()).isTrue();
  }

  @Test
  void certificateBelowQuorumIsRejectedWithReason() {
    List<KeyPair> keys = List.of(key(1), key(2), key(3), key(4));
    ValidatorSet set = ValidatorSet.of(keys.stream().map(KeyPair::publicKey).toList());
    assertThat(block(keys, 2).verify(set).reason()).isEqualTo("no_quorum");
  }

  @Test
  void quorumIsTwoFPlusOneForThreeFPlusOneAndSafeOtherwise() {
    int[][] cases = {{4, 3}, {5, 4}, {6, 4}, {7, 5}, {10, 7}, {1, 1}};
    for (int[] c : cases) {
      List<PublicKey> keys = new ArrayList<>();
      for (int i = 0; i < c[0]; i++) {
        keys.add(key(i + 1).publicKey());
      }
      ValidatorSet set = ValidatorSet.of(keys);
      assertThat(set.quorum()).as("n=%d", c[0]).isEqualTo(c[1]);
      // Two quorums must overlap in at least f + 1 validators.
      assertThat(2 * set.quorum() - c[0]).isGreaterThanOrEqualTo(set.faultsTolerated() + 1);
    }
  }

  @Test
  void tamperedTransactionBreaksSignatureAndRoot() {
    Transaction tx = Transaction.sign(key(9), CHAIN, 7, 3, Bytes.of(new byte[] {5}));
    assertThat(tx.hasValidSignature()).isTrue();
    Transaction replayed =
        new Transaction("other-chain", tx.sender(), 7, 3, tx.payload(), tx.signature());
    assertThat(replayed.hasValidSignature()).isFalse();
    Transaction bumped = new Transaction(CHAIN, tx.sender(), 8, 3, tx.payload(), tx.signature());
    assertThat(bumped.hasValidSignature()).isFalse();
  }
}
