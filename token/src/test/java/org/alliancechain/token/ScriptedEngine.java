package org.alliancechain.token;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ContractEngine;
import org.alliancechain.token.issuance.EffectCodec;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.tx.TxKind;

/**
 * A stand-in for the contracts interpreter: a lifecycle transaction's body is the list of effects
 * the interpreter would report, so tests script exactly what a contract did. Effects due by time
 * are scheduled per height. It writes one key under its prefix per step, to show its writes are
 * kept apart from the ledger's.
 */
final class ScriptedEngine implements ContractEngine {
  private final TreeMap<Long, List<ContractEffect>> scheduled = new TreeMap<>();

  static Bytes body(List<ContractEffect> effects) {
    CanonicalWriter w = new CanonicalWriter();
    EffectCodec.encodeList(w, effects);
    return Bytes.wrap(w.toByteArray());
  }

  void schedule(long height, ContractEffect effect) {
    scheduled.computeIfAbsent(height, h -> new ArrayList<>()).add(effect);
  }

  @Override
  public Result apply(
      BlockContext block,
      AllianceMode mode,
      TxKind kind,
      PublicKey sender,
      Bytes body,
      Parameters params,
      StateWriter engineState) {
    List<ContractEffect> effects;
    try {
      CanonicalReader r = new CanonicalReader(body.unsafeArray());
      effects = EffectCodec.decodeList(r, 1000);
      r.expectEnd("effects");
    } catch (DecodeException e) {
      return new Result.Rejected("bad_body", e.getMessage());
    }
    engineState.put(Bytes.of(new byte[] {1}), Bytes.of(new byte[] {(byte) kind.code()}));
    return new Result.Accepted(effects);
  }

  @Override
  public List<ContractEffect> endBlock(
      BlockContext block, AllianceMode mode, Parameters params, StateWriter engineState) {
    List<ContractEffect> due = scheduled.remove(block.height());
    return due == null ? List.of() : due;
  }
}
