package org.alliancechain.core.block;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;

/**
 * Proof that a quorum of validators committed a block (SPEC M-26): their signatures over the commit
 * vote for (chain id, view, height, block hash). Any node or client can check it against the
 * validator set alone. Votes are ordered by validator index, each validator at most once.
 */
public record CommitCertificate(long height, long view, Hash blockHash, List<Vote> votes) {

  /** The longest encoding: height, view, block hash, count, one vote per possible validator. */
  public static final int ENCODED_BYTES_MAX =
      8 + 8 + Hash.SIZE_BYTES + 4 + ValidatorSet.SIZE_MAX * (2 + Signature.SIZE_BYTES);

  /** One validator's commit signature; {@code validator} is its index in the validator set. */
  public record Vote(int validator, Signature signature) {
    public Vote {
      if (validator < 0 || validator >= ValidatorSet.SIZE_MAX) {
        throw new IllegalArgumentException(
            "validator index " + validator + " outside 0.." + (ValidatorSet.SIZE_MAX - 1));
      }
    }
  }

  // Invariant: votes are in strictly increasing validator order, so each value has one encoding
  // and a validator is counted once.
  public CommitCertificate {
    votes = List.copyOf(votes);
    if (height < 0 || view < 0) {
      throw new IllegalArgumentException("height and view are non-negative");
    }
    if (votes.size() > ValidatorSet.SIZE_MAX) {
      throw new IllegalArgumentException("over " + ValidatorSet.SIZE_MAX + " votes");
    }
    for (int i = 1; i < votes.size(); i++) {
      if (votes.get(i).validator() <= votes.get(i - 1).validator()) {
        throw new IllegalArgumentException("votes must be in strictly increasing validator order");
      }
    }
  }

  /** The bytes a validator signs (in {@link Domain#COMMIT_VOTE}) to commit a block. */
  public static byte[] voteSigningBytes(String chainId, long view, long height, Hash blockHash) {
    return new CanonicalWriter(96)
        .string(chainId)
        .u63(view)
        .u63(height)
        .hash(blockHash)
        .toByteArray();
  }

  public static Signature signVote(
      KeyPair key, String chainId, long view, long height, Hash blockHash) {
    return key.sign(Domain.COMMIT_VOTE, voteSigningBytes(chainId, view, height, blockHash));
  }

  public static boolean isValidVote(
      PublicKey validator,
      String chainId,
      long view,
      long height,
      Hash blockHash,
      Signature signature) {
    return Ed25519.verify(
        validator,
        Domain.COMMIT_VOTE,
        voteSigningBytes(chainId, view, height, blockHash),
        signature);
  }

  /** Checks the certificate for {@code header} against the validator set that must certify it. */
  public Verdict verify(BlockHeader header, ValidatorSet validators) {
    if (height != header.height() || !blockHash.equals(header.hash())) {
      return Verdict.reject("certificate_mismatch", "certificate is for another block");
    }
    if (!header.validatorSetHash().equals(validators.hash())) {
      return Verdict.reject("validator_set_mismatch", "header names another validator set");
    }
    if (votes.size() < validators.quorum()) {
      return Verdict.reject("no_quorum", votes.size() + " votes, quorum is " + validators.quorum());
    }
    int previous = -1;
    for (Vote vote : votes) {
      if (vote.validator() <= previous || vote.validator() >= validators.size()) {
        return Verdict.reject(
            "bad_vote_order", "validator index " + vote.validator() + " out of order or range");
      }
      previous = vote.validator();
      PublicKey key = validators.get(vote.validator());
      if (!isValidVote(key, header.chainId(), view, height, blockHash, vote.signature())) {
        return Verdict.reject(
            "bad_signature", "vote of validator " + vote.validator() + " does not verify");
      }
    }
    return Verdict.ok();
  }

  public void encode(CanonicalWriter w) {
    w.u63(height).u63(view).hash(blockHash).count(votes.size());
    for (Vote vote : votes) {
      w.u16(vote.validator());
      vote.signature().encode(w);
    }
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(64 + votes.size() * (2 + Signature.SIZE_BYTES));
    encode(w);
    return w.toByteArray();
  }

  /** Reads a certificate; throws only {@link DecodeException}. */
  public static CommitCertificate decode(CanonicalReader r) {
    long height = r.u63("certificate height");
    long view = r.u63("certificate view");
    Hash blockHash = r.hash("certificate block hash");
    int count = r.count("votes", ValidatorSet.SIZE_MAX);
    List<Vote> votes = new ArrayList<>(count);
    int previous = -1;
    try {
      for (int i = 0; i < count; i++) {
        int validator = r.u16("vote validator");
        if (validator <= previous) {
          throw new DecodeException(
              DecodeException.Reason.NON_CANONICAL, "votes not in strictly increasing order");
        }
        previous = validator;
        votes.add(new Vote(validator, Signature.decode(r, "vote signature")));
      }
      return new CommitCertificate(height, view, blockHash, votes);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, e.getMessage());
    }
  }

  public static CommitCertificate decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    CommitCertificate certificate = decode(r);
    r.expectEnd("commit certificate");
    return certificate;
  }
}
