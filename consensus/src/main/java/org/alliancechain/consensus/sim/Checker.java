package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.consensus.msg.Commit;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.Evidence;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.consensus.msg.WireCode;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;

/**
 * The simulator's safety checkers, run on every commit and every message an honest node sends, and
 * the liveness and evidence checks at the end of a run. Each violation is a line of text.
 */
final class Checker {
  private final String chainId;
  private final ValidatorSet validators;
  private final SignatureVerifier verifier;
  private final Set<PublicKey> byzantine;
  private final Set<Hash> submitted;
  private final List<String> violations = new ArrayList<>();

  /** Agreement: the first block committed at each height by any honest node. */
  private final Map<Long, Hash> decided = new HashMap<>();

  private final Map<Integer, Long> lastHeight = new HashMap<>();
  private final Map<Integer, Set<Hash>> committedTxsByNode = new HashMap<>();

  /** Every vote an honest node sent: (sender, phase, view, seq) -> digest. */
  private final Map<VoteKey, Hash> honestVotes = new HashMap<>();

  /** Commit votes by anyone, per seq: view -> digest -> senders. */
  private final Map<Long, TreeMap<Long, Map<Hash, Set<PublicKey>>>> commitVotes = new HashMap<>();

  /** Offenders an honest node reported, and at which node count of heights evidence landed. */
  private final Set<PublicKey> reportedOffenders = new TreeSet<>();

  private record VoteKey(PublicKey sender, int phase, long view, long seq) {}

  Checker(
      String chainId,
      ValidatorSet validators,
      SignatureVerifier verifier,
      Set<PublicKey> byzantine,
      Set<Hash> submitted) {
    this.chainId = chainId;
    this.validators = validators;
    this.verifier = verifier;
    this.byzantine = byzantine;
    this.submitted = submitted;
  }

  List<String> violations() {
    return violations;
  }

  private void violation(String text) {
    if (violations.size() < 20 && !violations.contains(text)) {
      violations.add(text);
    }
  }

  void onHonestEvidence(PublicKey offender) {
    reportedOffenders.add(offender);
  }

  // ------------------------------------------------------------------ on every commit

  void onCommit(int node, long tick, CertifiedBlock block) {
    long height = block.block().height();
    long previous = lastHeight.getOrDefault(node, 0L);
    if (height != previous + 1) {
      violation("total order: node " + node + " committed " + height + " after " + previous);
    }
    lastHeight.put(node, height);
    Hash hash = block.block().hash();
    Hash first = decided.putIfAbsent(height, hash);
    if (first != null && !first.equals(hash)) {
      violation(
          "agreement: at height "
              + height
              + " node "
              + node
              + " committed "
              + hash.shortHex()
              + " but another honest node committed "
              + first.shortHex()
              + " (tick "
              + tick
              + ")");
    }
    Verdict certificate = verifyCertificate(block);
    if (!certificate.isOk()) {
      violation("certificate: node " + node + " height " + height + ": " + certificate);
    }
    Set<Hash> seen = committedTxsByNode.computeIfAbsent(node, k -> new HashSet<>());
    for (Transaction tx : block.block().transactions()) {
      checkValidTx(node, height, tx);
      if (!seen.add(tx.hash())) {
        violation("validity: node " + node + " committed tx " + tx.hash().shortHex() + " twice");
      }
    }
  }

  private void checkValidTx(int node, long height, Transaction tx) {
    if (tx.kind() == Evidence.TX_KIND) {
      Verdict verdict = Evidence.verifyTransaction(tx, chainId, validators, verifier);
      if (!verdict.isOk()) {
        violation("validity: invalid evidence committed at height " + height + ": " + verdict);
        return;
      }
      PublicKey offender = Evidence.decode(tx.payload().unsafeArray()).offender();
      if (!byzantine.contains(offender)) {
        violation("evidence names honest validator " + offender.toHex().substring(0, 8));
      }
      return;
    }
    if (!submitted.contains(tx.hash())) {
      violation("validity: node " + node + " committed a tx nobody submitted at " + height);
    }
  }

  /** CommitCertificate.verify with the shared memo (same rules, each signature checked once). */
  private Verdict verifyCertificate(CertifiedBlock block) {
    BlockHeader header = block.block().header();
    CommitCertificate cert = block.certificate();
    Verdict body = block.block().checkBody();
    if (!body.isOk()) {
      return body;
    }
    if (cert.height() != header.height() || !cert.blockHash().equals(header.hash())) {
      return Verdict.reject("certificate_mismatch", "certificate is for another block");
    }
    if (!header.validatorSetHash().equals(validators.hash())) {
      return Verdict.reject("validator_set_mismatch", "header names another set");
    }
    if (cert.votes().size() < validators.quorum()) {
      return Verdict.reject("no_quorum", cert.votes().size() + " votes");
    }
    int previous = -1;
    for (CommitCertificate.Vote vote : cert.votes()) {
      if (vote.validator() <= previous || vote.validator() >= validators.size()) {
        return Verdict.reject("bad_vote_order", "index " + vote.validator());
      }
      previous = vote.validator();
      byte[] signed =
          CommitCertificate.voteSigningBytes(chainId, cert.view(), cert.height(), cert.blockHash());
      if (!verifier.verify(
          validators.get(vote.validator()), Domain.COMMIT_VOTE, signed, vote.signature())) {
        return Verdict.reject("bad_signature", "vote of " + vote.validator());
      }
    }
    return Verdict.ok();
  }

  // ------------------------------------------------------------------ on every message sent

  /** Watches votes; {@code honest} is whether the sending node is honest. */
  void onSent(int node, boolean honest, ConsensusMessage message) {
    switch (message) {
      case PrePrepare m -> vote(node, honest, m, WireCode.PRE_PREPARE, m.view(), m.seq(), null);
      case Prepare m -> vote(node, honest, m, WireCode.PREPARE, m.view(), m.seq(), m.digest());
      case Commit m -> {
        vote(node, honest, m, WireCode.COMMIT, m.view(), m.seq(), m.digest());
        onCommitVote(honest, m);
      }
      default -> {}
    }
  }

  private void vote(
      int node, boolean honest, ConsensusMessage m, int phase, long view, long seq, Hash digest) {
    if (!honest) {
      return;
    }
    Hash d = digest != null ? digest : ((PrePrepare) m).digest();
    Hash previous = honestVotes.putIfAbsent(new VoteKey(m.sender(), phase, view, seq), d);
    if (previous != null && !previous.equals(d)) {
      violation(
          "equivocation by honest node "
              + node
              + ": phase "
              + phase
              + " view "
              + view
              + " seq "
              + seq);
    }
  }

  // Castro–Liskov §4.2: prepared certificates of one view agree, so honest commit votes of one
  // (view, seq) name one digest. §4.4: once a commit quorum exists for d at seq, no honest node
  // votes commit for another digest at seq in that or any later view.
  private void onCommitVote(boolean honest, Commit m) {
    TreeMap<Long, Map<Hash, Set<PublicKey>>> byView =
        commitVotes.computeIfAbsent(m.seq(), k -> new TreeMap<>());
    Map<Hash, Set<PublicKey>> byDigest = byView.computeIfAbsent(m.view(), k -> new HashMap<>());
    if (!byDigest.computeIfAbsent(m.digest(), k -> new TreeSet<>()).add(m.sender())) {
      return;
    }
    if (honest) {
      honestCommit
          .computeIfAbsent(m.seq(), k -> new TreeMap<>())
          .computeIfAbsent(m.view(), k -> new TreeSet<>())
          .add(m.digest());
    }
    checkCommitSafety(m.seq());
  }

  /** Digests honest nodes voted commit for, per seq and view. */
  private final Map<Long, TreeMap<Long, TreeSet<Hash>>> honestCommit = new HashMap<>();

  private void checkCommitSafety(long seq) {
    TreeMap<Long, TreeSet<Hash>> honest = honestCommit.getOrDefault(seq, new TreeMap<>());
    for (Map.Entry<Long, TreeSet<Hash>> e : honest.entrySet()) {
      if (e.getValue().size() > 1) {
        violation(
            "prepared certificates disagree: honest commit votes for 2 digests at view "
                + e.getKey()
                + " seq "
                + seq);
        e.getValue().clear();
        return;
      }
    }
    for (Map.Entry<Long, Map<Hash, Set<PublicKey>>> v : commitVotes.get(seq).entrySet()) {
      for (Map.Entry<Hash, Set<PublicKey>> d : v.getValue().entrySet()) {
        if (d.getValue().size() < validators.quorum()) {
          continue;
        }
        for (Map.Entry<Long, TreeSet<Hash>> later : honest.tailMap(v.getKey(), true).entrySet()) {
          for (Hash other : later.getValue()) {
            if (!other.equals(d.getKey())) {
              violation(
                  "committed block replaced: seq "
                      + seq
                      + " committed in view "
                      + v.getKey()
                      + " yet an honest node voted another block in view "
                      + later.getKey());
              later.getValue().clear();
              return;
            }
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ at the end of a run

  void atEnd(Map<Integer, Set<Hash>> committedByHonestNode, Set<Hash> mustCommit, long healTicks) {
    for (Map.Entry<Integer, Set<Hash>> e : committedByHonestNode.entrySet()) {
      long missing = mustCommit.stream().filter(h -> !e.getValue().contains(h)).count();
      if (missing > 0) {
        violation(
            "liveness: node "
                + e.getKey()
                + " misses "
                + missing
                + " txs "
                + healTicks
                + " ticks after the network healed");
      }
    }
  }

  void checkEvidence(Map<Integer, Set<PublicKey>> offendersOnChainByHonestNode) {
    for (PublicKey offender : reportedOffenders) {
      for (Map.Entry<Integer, Set<PublicKey>> e : offendersOnChainByHonestNode.entrySet()) {
        if (!e.getValue().contains(offender)) {
          violation(
              "evidence: equivocation by "
                  + offender.toHex().substring(0, 8)
                  + " was detected but is not on node "
                  + e.getKey()
                  + "'s chain");
        }
      }
    }
  }

  boolean evidenceComplete(Map<Integer, Set<PublicKey>> offendersOnChainByHonestNode) {
    for (PublicKey offender : reportedOffenders) {
      for (Set<PublicKey> onChain : offendersOnChainByHonestNode.values()) {
        if (!onChain.contains(offender)) {
          return false;
        }
      }
    }
    return true;
  }
}
