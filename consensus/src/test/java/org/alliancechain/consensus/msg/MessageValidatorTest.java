package org.alliancechain.consensus.msg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alliancechain.consensus.Fixture;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.junit.jupiter.api.Test;

// STYLE.md item 5: validation returns a reason; tests assert on it.
class MessageValidatorTest {
  private final Fixture f = new Fixture(4);
  private final MessageValidator validator =
      new MessageValidator(
          Fixture.CHAIN,
          Fixture.GENESIS,
          8,
          f.validators,
          f.validators.quorum(),
          SignatureVerifier.ED25519);
  private final Block block = f.block(1, 0, 0, Fixture.GENESIS, 1_000_100, 2);

  @Test
  void acceptsAWellFormedPrePrepareFromThePrimary() {
    assertThat(validator.validate(f.signer(0).prePrepare(0, 1, block)).isOk()).isTrue();
  }

  // A node verifies a proposal's transactions on all cores through verifyAhead; the validator must
  // offer them before it judges the first one, and still judge each itself (docs/benchmarks.md).
  @Test
  void offersAProposalsTransactionsAheadAndStillJudgesEachOne() {
    List<String> calls = new java.util.ArrayList<>();
    SignatureVerifier recording =
        new SignatureVerifier() {
          @Override
          public boolean verify(
              org.alliancechain.core.crypto.PublicKey key,
              org.alliancechain.core.crypto.Domain domain,
              byte[] message,
              Signature signature) {
            return SignatureVerifier.ED25519.verify(key, domain, message, signature);
          }

          @Override
          public void verifyAhead(List<org.alliancechain.core.tx.Transaction> txs) {
            calls.add("ahead " + txs.size());
          }

          @Override
          public boolean verifyTransaction(org.alliancechain.core.tx.Transaction tx) {
            calls.add("one");
            return !tx.equals(block.transactions().get(1));
          }
        };
    MessageValidator judging =
        new MessageValidator(
            Fixture.CHAIN, Fixture.GENESIS, 8, f.validators, f.validators.quorum(), recording);
    Verdict verdict = judging.validate(f.signer(0).prePrepare(0, 1, block));
    assertThat(calls).containsExactly("ahead 2", "one", "one");
    assertThat(verdict.reason()).isEqualTo(Reason.BAD_TX);
  }

  @Test
  void rejectsAMessageFromOutsideTheValidatorSet() {
    byte[] seed = new byte[32];
    seed[0] = 99;
    Signing stranger = new Signing(Fixture.CHAIN, KeyPair.fromSeed(seed));
    assertThat(validator.validate(stranger.prepare(0, 1, block.hash())).reason())
        .isEqualTo(Reason.NOT_VALIDATOR);
  }

  @Test
  void rejectsABadSignature() {
    Prepare p = f.signer(1).prepare(0, 1, block.hash());
    byte[] sig = p.signature().toBytes();
    sig[3] ^= 1;
    Prepare forged = new Prepare(0, 1, block.hash(), p.sender(), Signature.of(sig));
    assertThat(validator.validate(forged).reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAPrePrepareFromABackupAndAPrepareFromThePrimary() {
    // Castro–Liskov §4.2: the primary of view v is replica v mod n; it pre-prepares, backups
    // prepare.
    assertThat(validator.validate(f.signer(1).prePrepare(0, 1, block)).reason())
        .isEqualTo(Reason.NOT_PRIMARY);
    assertThat(validator.validate(f.signer(0).prepare(0, 1, block.hash())).reason())
        .isEqualTo(Reason.NOT_PRIMARY);
  }

  @Test
  void rejectsABlockWhoseHeaderDoesNotMatchItsBody() {
    BlockHeader h = block.header();
    BlockHeader wrong =
        new BlockHeader(
            h.chainId(),
            h.height(),
            h.view(),
            h.previousHash(),
            Hash.ZERO,
            h.txCount(),
            h.executedHeight(),
            h.executedStateRoot(),
            h.validatorSetHash(),
            h.proposer(),
            h.timestampMillis());
    PrePrepare pp = f.signer(0).prePrepare(0, 1, new Block(wrong, block.transactions()));
    assertThat(validator.validate(pp).reason()).isEqualTo(Reason.DIGEST_MISMATCH);
  }

  // docs/benchmarks.md, session 6: signatures cover a block's header hash, not its body; a body
  // swapped under a valid signature, alone or inside a view-change, is refused by the header check.
  @Test
  void aBodySwappedUnderAValidSignatureIsRefused() {
    PrePrepare signed = f.signer(0).prePrepare(0, 1, block);
    Block other = f.block(1, 0, 0, Fixture.GENESIS, 1_000_100, 3);
    PrePrepare swapped =
        new PrePrepare(
            signed.view(),
            signed.seq(),
            new Block(block.header(), other.transactions()),
            signed.sender(),
            signed.signature());
    assertThat(Signing.hasValidSignature(Fixture.CHAIN, swapped, SignatureVerifier.ED25519))
        .isTrue();
    assertThat(validator.validate(signed).isOk()).isTrue();
    assertThat(validator.validate(swapped).reason()).isEqualTo(Reason.DIGEST_MISMATCH);
    List<Prepare> prepares =
        List.of(f.signer(1).prepare(0, 1, block.hash()), f.signer(2).prepare(0, 1, block.hash()));
    ViewChange vc =
        f.signer(2)
            .viewChange(
                1,
                0,
                Fixture.GENESIS,
                List.of(),
                List.of(new PreparedCertificate(signed, prepares)));
    ViewChange relayed =
        new ViewChange(
            vc.newView(),
            vc.stableSeq(),
            vc.stableDigest(),
            vc.checkpointProof(),
            List.of(new PreparedCertificate(swapped, prepares)),
            vc.sender(),
            vc.signature());
    assertThat(validator.validate(vc).isOk()).isTrue();
    assertThat(validator.validate(relayed).isOk()).isFalse();
  }

  @Test
  void rejectsAViewChangeWhosePreparedCertificateLacksAQuorum() {
    // Castro–Liskov §4.4: each entry of P carries a pre-prepare and 2f matching prepares.
    PrePrepare pp = f.signer(0).prePrepare(0, 1, block);
    Prepare one = f.signer(1).prepare(0, 1, block.hash());
    ViewChange vc =
        f.signer(2)
            .viewChange(
                1,
                0,
                Fixture.GENESIS,
                List.of(),
                List.of(new PreparedCertificate(pp, List.of(one))));
    assertThat(validator.validate(vc).reason()).isEqualTo(Reason.BAD_PROOF);
    Prepare two = f.signer(2).prepare(0, 1, block.hash());
    ViewChange ok =
        f.signer(2)
            .viewChange(
                1,
                0,
                Fixture.GENESIS,
                List.of(),
                List.of(new PreparedCertificate(pp, List.of(one, two))));
    assertThat(validator.validate(ok).isOk()).isTrue();
  }

  @Test
  void rejectsANewViewWithoutAQuorumOfViewChanges() {
    ViewChange vc = f.signer(2).viewChange(1, 0, Fixture.GENESIS, List.of(), List.of());
    NewView nv = f.signer(1).newView(1, List.of(vc), List.of());
    assertThat(validator.validate(nv).reason()).isEqualTo(Reason.BAD_PROOF);
  }

  @Test
  void evidenceOfConflictingPreparesVerifiesAndNamesTheOffender() {
    Prepare a = f.signer(2).prepare(0, 1, block.hash());
    Prepare b = f.signer(2).prepare(0, 1, Hash.ZERO);
    Evidence evidence = new Evidence(a, b);
    assertThat(evidence.verify(Fixture.CHAIN, f.validators, SignatureVerifier.ED25519).isOk())
        .isTrue();
    var tx = evidence.toTransaction(f.keys.get(0), Fixture.CHAIN);
    assertThat(tx.kind()).isEqualTo(Evidence.TX_KIND);
    assertThat(Evidence.decode(tx.payload().toByteArray()).offender())
        .isEqualTo(f.keys.get(2).publicKey());
    Prepare other = f.signer(2).prepare(0, 2, Hash.ZERO);
    assertThat(
            new Evidence(a, other)
                .verify(Fixture.CHAIN, f.validators, SignatureVerifier.ED25519)
                .reason())
        .isEqualTo(Reason.BAD_PROOF);
  }
}
