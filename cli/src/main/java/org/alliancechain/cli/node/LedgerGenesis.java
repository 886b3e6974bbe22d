package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.config.Mode;
import org.alliancechain.config.Parameter;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.genesis.GenesisSpec;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.state.Role;

/**
 * Turns the alliance's genesis (config) into the ledger's initial state: the token application's
 * genesis, written into the state the store starts from.
 */
public final class LedgerGenesis {
  private LedgerGenesis() {}

  /** The config parameter that sets a ledger parameter: same name, kebab-case, no unit suffix. */
  public static Parameter configParameter(ParamId id) {
    String name = id.name().toLowerCase(Locale.ROOT).replace('_', '-');
    if (name.endsWith("-ppm")) {
      name = name.substring(0, name.length() - "-ppm".length());
    }
    String specName = name;
    return Parameter.bySpecName(specName)
        .orElseThrow(() -> new AssertionError("no config parameter for ledger parameter " + id));
  }

  public static Parameters ledgerParameters(org.alliancechain.config.Parameters config) {
    Map<ParamId, Long> values = new EnumMap<>(ParamId.class);
    for (ParamId id : ParamId.values()) {
      values.put(id, config.get(configParameter(id)));
    }
    return Parameters.of(values);
  }

  public static GenesisSpec tokenGenesis(Genesis genesis) {
    List<GenesisSpec.MemberSpec> members = new ArrayList<>();
    List<PublicKey> validators = new ArrayList<>();
    for (GenesisMember m : genesis.members()) {
      java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
      for (org.alliancechain.config.Role role : m.roles()) {
        roles.add(Role.valueOf(role.name()));
      }
      // counted as issued at genesis (token supply = sum of balances holds from height 0)
      long founding = genesis.parameters().get(Parameter.FOUNDING_TOKENS);
      members.add(new GenesisSpec.MemberSpec(m.publicKey(), m.name(), roles, founding, 0));
      if (m.isValidator()) {
        validators.add(m.publicKey());
      }
    }
    List<PublicKey> committee =
        genesis.committee().stream()
            .map(name -> genesis.member(name).orElseThrow().publicKey())
            .toList();
    return new GenesisSpec(
        genesis.mode() == Mode.COOPERATIVE ? AllianceMode.COOPERATIVE : AllianceMode.COMPETITIVE,
        members,
        genesis.gatewayKey(),
        0,
        committee,
        validators,
        ledgerParameters(genesis.parameters()));
  }

  /** The store's genesis: the ledger state after the token application's genesis. */
  public static org.alliancechain.core.store.Genesis storeGenesis(Genesis genesis) {
    TreeMap<Bytes, Bytes> state = new TreeMap<>();
    org.alliancechain.token.genesis.Genesis.init(tokenGenesis(genesis), new MapState(state));
    SortedMap<Bytes, Bytes> sorted = state;
    return new org.alliancechain.core.store.Genesis(genesis.hash(), sorted);
  }

  /** A plain sorted map as state, for building the genesis state before the store exists. */
  private record MapState(TreeMap<Bytes, Bytes> map) implements StateWriter {
    @Override
    public Optional<Bytes> get(Bytes key) {
      return Optional.ofNullable(map.get(key));
    }

    @Override
    public void put(Bytes key, Bytes value) {
      map.put(key, value);
    }

    @Override
    public void delete(Bytes key) {
      map.remove(key);
    }
  }
}
