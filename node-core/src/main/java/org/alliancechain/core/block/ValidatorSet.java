package org.alliancechain.core.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;

/**
 * The validators that certify blocks at some height, in a fixed order (sorted by key bytes, so
 * every node builds the same set from the same keys). Tolerates {@code f = floor((n - 1) / 3)}
 * Byzantine validators.
 *
 * <p>Quorum is {@code ceil((n + f + 1) / 2)}: any two quorums then share at least {@code f + 1}
 * validators, so at least one honest one (safety), and the {@code n - f} honest validators always
 * form a quorum (liveness). For {@code n = 3f + 1} this is the classic {@code 2f + 1} of Castro and
 * Liskov; for other n it is the smallest safe size (n = 5 needs 4, where 2f + 1 = 3 would be
 * unsafe).
 */
public final class ValidatorSet {
  public static final int SIZE_MAX = 256;

  private final List<PublicKey> validators;

  private ValidatorSet(List<PublicKey> sorted) {
    this.validators = List.copyOf(sorted);
  }

  public static ValidatorSet of(List<PublicKey> keys) {
    if (keys.isEmpty() || keys.size() > SIZE_MAX) {
      throw new IllegalArgumentException("a validator set has 1 to " + SIZE_MAX + " members");
    }
    List<PublicKey> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).equals(sorted.get(i - 1))) {
        throw new IllegalArgumentException("duplicate validator " + sorted.get(i));
      }
    }
    return new ValidatorSet(sorted);
  }

  public int size() {
    return validators.size();
  }

  /** How many Byzantine validators the set tolerates. */
  public int faultsTolerated() {
    return (validators.size() - 1) / 3;
  }

  /** Votes needed for a prepare, commit or view-change quorum. */
  public int quorum() {
    int n = validators.size();
    return (n + faultsTolerated() + 2) / 2;
  }

  /** Votes that prove at least one honest validator took part ({@code f + 1}). */
  public int weakQuorum() {
    return faultsTolerated() + 1;
  }

  public PublicKey get(int index) {
    return validators.get(index);
  }

  public List<PublicKey> members() {
    return validators;
  }

  public Optional<Integer> indexOf(PublicKey key) {
    int index = java.util.Collections.binarySearch(validators, key);
    return index >= 0 ? Optional.of(index) : Optional.empty();
  }

  public boolean contains(PublicKey key) {
    return indexOf(key).isPresent();
  }

  public void encode(CanonicalWriter w) {
    w.count(validators.size());
    for (PublicKey key : validators) {
      key.encode(w);
    }
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(4 + PublicKey.SIZE_BYTES * validators.size());
    encode(w);
    return w.toByteArray();
  }

  public static ValidatorSet decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    ValidatorSet set = decode(r);
    r.expectEnd("validator set");
    return set;
  }

  /** Reads a set; throws only {@link DecodeException}. Keys must be sorted and distinct. */
  public static ValidatorSet decode(CanonicalReader r) {
    int count = r.count("validators", SIZE_MAX);
    List<PublicKey> keys = new ArrayList<>(count);
    ValidatorSet set;
    try {
      for (int i = 0; i < count; i++) {
        keys.add(PublicKey.decode(r, "validator"));
      }
      set = of(keys);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, e.getMessage());
    }
    if (!set.validators.equals(keys)) {
      throw new DecodeException(
          DecodeException.Reason.NON_CANONICAL, "validators are not in key order");
    }
    return set;
  }

  /** Commits to the set; block headers carry it so a light client knows who must sign. */
  public Hash hash() {
    CanonicalWriter w = new CanonicalWriter(8 + 32 * validators.size());
    encode(w);
    return Sha256.hash(w.toByteArray());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValidatorSet v && validators.equals(v.validators);
  }

  @Override
  public int hashCode() {
    return validators.hashCode();
  }

  @Override
  public String toString() {
    return "ValidatorSet(n=" + size() + ", f=" + faultsTolerated() + ")";
  }
}
