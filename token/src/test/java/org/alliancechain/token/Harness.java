package org.alliancechain.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.genesis.Genesis;
import org.alliancechain.token.genesis.GenesisSpec;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ContractEngine;
import org.alliancechain.token.issuance.ProviderShare;
import org.alliancechain.token.state.BufferedState;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.state.Role;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;
import org.alliancechain.token.tx.TxKind;

/**
 * Runs the application the way node-core does: each transaction gets its own overlay, discarded
 * when it fails; endBlock follows; the block time is height * 1000 ms.
 */
final class Harness {
  static final String CHAIN = "test-chain";

  final MemoryState state = new MemoryState();
  final ScriptedEngine engine = new ScriptedEngine();
  final TokenApplication app;
  final List<KeyPair> members = new ArrayList<>();
  final KeyPair gateway = key(200);
  private final Map<PublicKey, Long> nonces = new TreeMap<>();
  long height;

  static KeyPair key(int index) {
    byte[] seed = new byte[32];
    seed[0] = (byte) index;
    seed[31] = 7;
    return KeyPair.fromSeed(seed);
  }

  Harness(AllianceMode mode, int memberCount, Map<ParamId, Long> params, long tokens, long money) {
    this(mode, memberCount, params, tokens, money, null);
  }

  /** With {@code contractEngine} null, the scripted engine runs the lifecycle. */
  Harness(
      AllianceMode mode,
      int memberCount,
      Map<ParamId, Long> params,
      long tokens,
      long money,
      ContractEngine contractEngine) {
    this.app = new TokenApplication(contractEngine == null ? engine : contractEngine);
    List<GenesisSpec.MemberSpec> specs = new ArrayList<>();
    List<PublicKey> validators = new ArrayList<>();
    for (int i = 0; i < memberCount; i++) {
      KeyPair k = key(i + 1);
      members.add(k);
      specs.add(
          new GenesisSpec.MemberSpec(
              k.publicKey(), "corp-" + i, Set.of(Role.CORPORATION), tokens, money));
      if (i < 4) {
        validators.add(k.publicKey());
      }
    }
    Genesis.init(
        new GenesisSpec(
            mode,
            specs,
            gateway.publicKey(),
            1_000_000,
            List.of(),
            validators,
            Parameters.of(params)),
        state);
  }

  static Harness cooperative(int n) {
    return new Harness(AllianceMode.COOPERATIVE, n, Map.of(), 0, 0);
  }

  static Harness competitive(int n) {
    return new Harness(AllianceMode.COMPETITIVE, n, Map.of(), 0, 0);
  }

  KeyPair m(int i) {
    return members.get(i);
  }

  PublicKey pk(int i) {
    return members.get(i).publicKey();
  }

  TokenQueries q() {
    return new TokenQueries(state);
  }

  Transaction tx(KeyPair sender, TokenTx body) {
    return raw(sender, body.kind().code(), TxCodec.encode(body));
  }

  Transaction raw(KeyPair sender, int kind, Bytes payload) {
    long nonce = nonces.merge(sender.publicKey(), 1L, Long::sum);
    return Transaction.sign(sender, CHAIN, nonce, kind, payload);
  }

  Transaction lifecycle(KeyPair sender, TxKind kind, ContractEffect... effects) {
    return raw(sender, kind.code(), ScriptedEngine.body(List.of(effects)));
  }

  BlockContext nextContext(int txCount) {
    height++;
    BlockHeader header =
        new BlockHeader(
            CHAIN,
            height,
            0,
            Hash.ZERO,
            Hash.ZERO,
            txCount,
            height - 1,
            Hash.ZERO,
            Hash.ZERO,
            members.get(0).publicKey(),
            height * 1000);
    return new BlockContext(header);
  }

  List<TxOutcome> block(Transaction... txs) {
    BlockContext ctx = nextContext(txs.length);
    List<TxOutcome> outcomes = new ArrayList<>();
    for (Transaction tx : txs) {
      BufferedState overlay = new BufferedState(state);
      TxOutcome outcome = app.execute(ctx, tx, overlay);
      if (outcome.success()) {
        overlay.flushTo(state);
      }
      outcomes.add(outcome);
    }
    app.endBlock(ctx, state);
    return outcomes;
  }

  TxOutcome one(Transaction tx) {
    return block(tx).get(0);
  }

  void emptyBlocks(int n) {
    for (int i = 0; i < n; i++) {
      block();
    }
  }

  /** Registers a contract where receiver {@code r} gets from providers with equal shares. */
  ContractEffect.Registered contract(String id, int r, long amount, int... providers) {
    List<ProviderShare> shares = new ArrayList<>();
    for (int p : providers) {
      shares.add(new ProviderShare(pk(p), 1));
    }
    return new ContractEffect.Registered(id, pk(r), shares, amount, false, "DATA");
  }

  static ContractEffect.TokenPayment pay(String id, PublicKey to, long amount) {
    return new ContractEffect.TokenPayment(
        id, to, amount, ContractEffect.PaymentKind.PAYMENT, ContractEffect.Quality.PASSED, "");
  }

  long tokens(int i) {
    return q().account(pk(i)).tokens();
  }

  long money(int i) {
    return q().account(pk(i)).money();
  }
}
