package org.alliancechain.token.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.core.block.ValidatorChange;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;

/**
 * The validator set in force and the changes the DAO decided that are not in force yet, in
 * activation order (SPEC M-3). This record is the one source of validator sets: the node hands the
 * scheduled changes to consensus, the block executor and the light client read the set that
 * certifies a height from it (docs/consensus.md, "Validator-set changes").
 *
 * <p>A change decided at {@code h} takes effect at {@link ValidatorChange#activationHeight}; a
 * second decision with the same activation height replaces the first's set (it was computed from
 * it), so the schedule holds at most one entry per activation height and stays short: activation
 * heights lie within one window and one epoch of the decision.
 */
public record ValidatorState(List<PublicKey> current, List<Scheduled> scheduled) {
  /** Bound on scheduled changes (a few epochs' worth; the rule keeps it to two or three). */
  public static final int SCHEDULED_MAX = 16;

  /** A decided change: from {@code activationHeight} on, {@code validators} certify blocks. */
  public record Scheduled(long decidedAt, long activationHeight, List<PublicKey> validators) {
    public Scheduled {
      validators = List.copyOf(validators);
    }

    public ValidatorChange change() {
      return new ValidatorChange(decidedAt, activationHeight, ValidatorSet.of(validators));
    }
  }

  public ValidatorState {
    current = List.copyOf(current);
    scheduled = List.copyOf(scheduled);
  }

  public static ValidatorState of(List<PublicKey> current) {
    return new ValidatorState(current, List.of());
  }

  /** The set that certifies blocks at {@code height} (the latest entry in force by then). */
  public ValidatorSet effectiveAt(long height) {
    List<PublicKey> set = current;
    for (Scheduled s : scheduled) {
      if (height >= s.activationHeight()) {
        set = s.validators();
      }
    }
    return ValidatorSet.of(set);
  }

  /** The latest decided set, which a further change starts from. */
  public List<PublicKey> latest() {
    return scheduled.isEmpty() ? current : scheduled.getLast().validators();
  }

  /** The change decided in block {@code height}, if one is still scheduled. */
  public Optional<ValidatorChange> decidedAt(long height) {
    return scheduled.stream().filter(s -> s.decidedAt() == height).map(Scheduled::change).findAny();
  }

  /** Changes not yet in force at {@code height}, in activation order. */
  public List<ValidatorChange> pendingAfter(long height) {
    return scheduled.stream()
        .filter(s -> s.activationHeight() > height)
        .map(Scheduled::change)
        .toList();
  }

  /** Schedules {@code next} from {@code activation} on; empty when the schedule is full. */
  public Optional<ValidatorState> schedule(long decidedAt, long activation, List<PublicKey> next) {
    List<Scheduled> out = new ArrayList<>(scheduled);
    if (!out.isEmpty() && out.getLast().activationHeight() == activation) {
      out.removeLast();
    } else if (out.size() >= SCHEDULED_MAX) {
      return Optional.empty();
    }
    out.add(new Scheduled(decidedAt, activation, next));
    return Optional.of(new ValidatorState(current, out));
  }

  /** Moves every change in force at {@code height} into {@code current}. */
  public ValidatorState promote(long height) {
    List<PublicKey> set = current;
    List<Scheduled> rest = new ArrayList<>();
    for (Scheduled s : scheduled) {
      if (height >= s.activationHeight()) {
        set = s.validators();
      } else {
        rest.add(s);
      }
    }
    return new ValidatorState(set, rest);
  }

  public void encode(CanonicalWriter w) {
    Codecs.keys(w, current);
    w.count(scheduled.size());
    for (Scheduled s : scheduled) {
      w.u63(s.decidedAt()).u63(s.activationHeight());
      Codecs.keys(w, s.validators());
    }
  }

  public static ValidatorState decode(CanonicalReader r) {
    List<PublicKey> current = Codecs.sortedKeys(r, "validators", ValidatorSet.SIZE_MAX);
    int count = r.count("scheduled validator changes", SCHEDULED_MAX);
    List<Scheduled> scheduled = new ArrayList<>(count);
    long previous = -1;
    for (int i = 0; i < count; i++) {
      long decided = r.u63("decision height");
      long activation = r.u63("activation height");
      if (activation <= decided || activation <= previous) {
        throw new DecodeException(
            DecodeException.Reason.INVALID_VALUE, "validator schedule out of order");
      }
      previous = activation;
      scheduled.add(
          new Scheduled(
              decided,
              activation,
              Codecs.sortedKeys(r, "scheduled validators", ValidatorSet.SIZE_MAX)));
    }
    return new ValidatorState(current, scheduled);
  }
}
