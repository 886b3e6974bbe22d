package org.alliancechain.contracts.interp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.codec.DecodeException.Reason;

/**
 * The canonical encoding of {@link ContractStatus}, for the ledger's state: version byte 1, state
 * code (fixed table below), installments paid (u32), three booleans, then the reason as 0 (absent)
 * or 1 and a UTF-8 string of at most {@link ContractLimits#STATUS_REASON_BYTES_MAX} bytes.
 */
public final class ContractStatusCodec {
  private static final int VERSION = 1;

  private ContractStatusCodec() {}

  public static byte[] encode(ContractStatus status) {
    CanonicalWriter w = new CanonicalWriter().u8(VERSION).u8(code(status.state()));
    w.u32(status.installmentsPaid()).bool(status.qualityJudged()).bool(status.bonusPaid());
    w.bool(status.escrowReleased()).bool(status.reason().isPresent());
    status.reason().ifPresent(r -> w.string(cut(r)));
    return w.toByteArray();
  }

  public static ContractStatus decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    int version = r.u8("status version");
    if (version != VERSION) {
      throw new DecodeException(Reason.INVALID_VALUE, "status version " + version);
    }
    ContractState state = state(r.u8("contract state"));
    int paid = r.u32("installments paid", ContractLimits.INSTALLMENT_COUNT_MAX);
    boolean judged = r.bool("quality judged");
    boolean bonus = r.bool("bonus paid");
    boolean escrow = r.bool("escrow released");
    Optional<String> reason =
        r.bool("reason present")
            ? Optional.of(r.string("reason", ContractLimits.STATUS_REASON_BYTES_MAX))
            : Optional.empty();
    r.expectEnd("contract status");
    return new ContractStatus(state, paid, judged, bonus, escrow, reason);
  }

  /** Reasons come from the interpreter and may quote user text: keep them bounded. */
  static String cut(String reason) {
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= ContractLimits.STATUS_REASON_BYTES_MAX) {
      return reason;
    }
    int end = reason.length();
    while (reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length
        > ContractLimits.STATUS_REASON_BYTES_MAX) {
      end -= Character.isLowSurrogate(reason.charAt(end - 1)) ? 2 : 1;
    }
    return reason.substring(0, end);
  }

  static int code(ContractState state) {
    return switch (state) {
      case DRAFTED -> 1;
      case SIGNED -> 2;
      case ACTIVE -> 3;
      case FULFILLED -> 4;
      case CANCELLED -> 5;
      case ESCALATED -> 6;
    };
  }

  static ContractState state(int code) {
    return switch (code) {
      case 1 -> ContractState.DRAFTED;
      case 2 -> ContractState.SIGNED;
      case 3 -> ContractState.ACTIVE;
      case 4 -> ContractState.FULFILLED;
      case 5 -> ContractState.CANCELLED;
      case 6 -> ContractState.ESCALATED;
      default -> throw new DecodeException(Reason.INVALID_VALUE, "contract state code " + code);
    };
  }
}
