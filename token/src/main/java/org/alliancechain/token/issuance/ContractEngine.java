package org.alliancechain.token.issuance;

import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.tx.TxKind;

/**
 * The port through which the ledger runs the sharing lifecycle (requests, offers, acceptance,
 * signatures, transfer acknowledgements, cancellation): the token module owns this interface, an
 * adapter over the contracts module's interpreter implements it. The engine sees only its own state
 * prefix ({@code x/}) and the DAO parameters, and reports what happened as {@link ContractEffect}s.
 */
public interface ContractEngine {

  /** The outcome of one lifecycle step: accepted with its effects, or rejected with a reason. */
  sealed interface Result {
    record Accepted(List<ContractEffect> effects) implements Result {
      public Accepted {
        effects = List.copyOf(effects);
      }
    }

    record Rejected(String reason, String detail) implements Result {}
  }

  Result apply(
      BlockContext block,
      AllianceMode mode,
      TxKind kind,
      PublicKey sender,
      Bytes body,
      Parameters params,
      StateWriter engineState);

  /** Effects that fall due by time alone (installments, deadlines) at the end of a block. */
  List<ContractEffect> endBlock(
      BlockContext block, AllianceMode mode, Parameters params, StateWriter engineState);
}
