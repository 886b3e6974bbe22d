package org.alliancechain.token;

import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.app.Application;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.dao.Dao;
import org.alliancechain.token.genesis.LedgerInvariants;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ContractEngine;
import org.alliancechain.token.issuance.Issuance;
import org.alliancechain.token.issuance.TokenConsensus;
import org.alliancechain.token.report.Analytics;
import org.alliancechain.token.report.Defect;
import org.alliancechain.token.report.Reporter;
import org.alliancechain.token.state.BufferedState;
import org.alliancechain.token.state.KeyRotation;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.PrefixedState;
import org.alliancechain.token.state.Store;
import org.alliancechain.token.state.ValidatorState;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;
import org.alliancechain.token.tx.TxKind;

/**
 * The ledger application (SPEC M-17 to M-25): wallets, the sharing lifecycle through the {@link
 * ContractEngine}, the TCA at the end of each block, value functions, DAO and committee.
 *
 * <p>Fee policy: no fees. In a permissioned alliance every sender is a known member, so spam is a
 * governance matter (removal by the DAO), not a price. A failed transaction changes nothing: its
 * writes go to an overlay that is dropped (node-core still consumes its nonce).
 */
public final class TokenApplication implements Application {
  private final ContractEngine engine;

  public TokenApplication(ContractEngine engine) {
    this.engine = engine;
  }

  @Override
  public Verdict check(Transaction tx, StateReader state) {
    TokenTx decoded;
    try {
      decoded = TxCodec.decode(tx.kind(), tx.payload());
    } catch (DecodeException e) {
      return Verdict.reject("bad_payload", e.getMessage());
    }
    Ledger ledger = new Ledger(Store.readOnly(state));
    if (!ledger.initialised()) {
      return Verdict.reject("no_genesis", "the ledger has no genesis state");
    }
    Verdict key = keyCheck(ledger, tx.sender());
    return key.isOk() ? authorize(ledger, ledger.memberOf(tx.sender()), decoded.kind()) : key;
  }

  /**
   * Issue #4: a member's ledger entry stays under the key it joined with; the key that signs for it
   * is that one until a DAO key rotation is in force, then the new one. A transaction signed by a
   * replaced key, or by a new key before its activation height, is refused with the reason.
   */
  static Verdict keyCheck(Ledger ledger, PublicKey sender) {
    PublicKey member = ledger.memberOf(sender);
    var rotation = ledger.keyRotation(member);
    if (rotation.isEmpty() || sender.equals(rotation.get().keyInForce())) {
      return Verdict.ok();
    }
    KeyRotation r = rotation.get();
    if (!r.inForce() && sender.equals(r.newKey())) {
      return Verdict.reject(
          "key_not_active",
          "this key signs for the member from height "
              + r.activationHeight()
              + "; until then its current key does");
    }
    return Verdict.reject(
        "key_rotated",
        "the DAO replaced this member key by "
            + r.newKey().toHex()
            + (r.inForce() ? " at height " : ", in force from height ")
            + r.activationHeight()
            + "; sign with the new key");
  }

  /**
   * Only the gateway records deposits (and may withdraw its own money); every other kind needs an
   * active member, so a removed member's transactions are refused (SPEC M-23).
   */
  static Verdict authorize(Ledger ledger, PublicKey sender, TxKind kind) {
    boolean gateway = sender.equals(ledger.gateway());
    if (kind == TxKind.DEPOSIT || gateway) {
      return gateway && (kind == TxKind.DEPOSIT || kind == TxKind.WITHDRAW)
          ? Verdict.ok()
          : Verdict.reject(
              "not_gateway",
              "only the gateway records deposits, and the gateway only deposits or withdraws ("
                  + kind
                  + ")");
    }
    return ledger.isActiveMember(sender)
        ? Verdict.ok()
        : Verdict.reject("not_member", "sender is not an active member");
  }

  @Override
  public TxOutcome execute(BlockContext block, Transaction tx, StateWriter state) {
    TokenTx decoded;
    try {
      decoded = TxCodec.decode(tx.kind(), tx.payload());
    } catch (DecodeException e) {
      return TxOutcome.failed("bad_payload", e.getMessage());
    }
    BufferedState overlay = new BufferedState(state);
    Ledger ledger = new Ledger(Store.of(overlay));
    Verdict key = keyCheck(ledger, tx.sender());
    if (!key.isOk()) {
      return TxOutcome.failed(key.reason(), key.detail());
    }
    // the member acts under its ledger key whichever key signed (issue #4)
    PublicKey member = ledger.memberOf(tx.sender());
    Verdict auth = authorize(ledger, member, decoded.kind());
    if (!auth.isOk()) {
      return TxOutcome.failed(auth.reason(), auth.detail());
    }
    ExecContext ctx =
        new ExecContext(ledger, block.height(), block.timeMillis(), member, tx.hash());
    try {
      Bytes events = new TxHandlers(ctx, engine, block, overlay).run(decoded);
      overlay.flushTo(state);
      return TxOutcome.ok(events);
    } catch (TxRejected e) {
      return TxOutcome.failed(e.reason(), e.detail());
    } catch (ArithmeticException e) {
      return TxOutcome.failed("overflow", String.valueOf(e.getMessage()));
    }
  }

  @Override
  public void endBlock(BlockContext block, StateWriter state) {
    Ledger ledger = new Ledger(Store.of(state));
    long height = block.height();
    promoteValidators(ledger, height);
    applyKeyRotations(ledger, height);
    runEngineEndBlock(block, state, ledger);
    TokenConsensus.endBlock(ledger, height);
    new Dao(ledger).endBlock(height);
    long interval = ledger.param(ParamId.AMELIORATION_INTERVAL_BLOCKS);
    if (interval > 0 && height % interval == 0) {
      Reporter.run(ledger, Math.max(1, height - interval + 1), height);
    }
    LedgerInvariants.check(ledger);
  }

  private static void promoteValidators(Ledger ledger, long height) {
    ValidatorState v = ledger.validators();
    if (!v.scheduled().isEmpty() && height >= v.scheduled().getFirst().activationHeight()) {
      ledger.putValidators(v.promote(height));
    }
  }

  /**
   * Issue #4: a rotation takes effect at its activation height {@code E}, the height from which the
   * validator set holds the new key: the state after block {@code E - 1} says so, so block {@code
   * E} and every check against that state take the new key.
   */
  private static void applyKeyRotations(Ledger ledger, long height) {
    for (PublicKey member : ledger.pendingRotations()) {
      KeyRotation r = ledger.keyRotation(member).orElseThrow();
      if (height + 1 >= r.activationHeight()) {
        ledger.putKeyRotation(r.applied(), false);
      }
    }
  }

  /** Time-driven effects; each applies whole or is recorded as a failed contract. */
  private void runEngineEndBlock(BlockContext block, StateWriter state, Ledger ledger) {
    List<ContractEffect> effects =
        engine.endBlock(
            block, ledger.mode(), ledger.params(), new PrefixedState(state, Keys.ENGINE_PREFIX));
    Invariants.check(
        effects.size() <= TokenLimits.EFFECTS_PER_END_BLOCK_MAX, "engine end-block effects bound");
    for (ContractEffect effect : effects) {
      BufferedState overlay = new BufferedState(state);
      try {
        new Issuance(new Ledger(Store.of(overlay)), block.height()).apply(List.of(effect));
        overlay.flushTo(state);
      } catch (TxRejected | ArithmeticException e) {
        new Analytics(ledger)
            .defect(
                new Defect(
                    effect.contractId(),
                    Defect.Kind.FAILED,
                    "effect refused: " + e.getMessage(),
                    block.height()));
      }
    }
  }
}
