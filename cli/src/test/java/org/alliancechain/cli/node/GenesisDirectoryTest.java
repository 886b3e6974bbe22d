package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Hex;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.state.Endpoint;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.Member;
import org.alliancechain.token.state.Role;
import org.alliancechain.token.state.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-2, M-23: who may connect is what the committed ledger says.
class GenesisDirectoryTest {
  @TempDir Path dir;

  /** A sorted map as the ledger state (the node's store plays this part for real). */
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

  @Test
  void admittedMembersJoinAndRemovedOnesLeaveOnceTheyNoLongerCertify() throws Exception {
    Genesis genesis =
        Bootstrap.run(
                SpecParser.parse("coop", ExampleSpecs.text(ExampleSpecs.COOPERATIVE)),
                dir,
                false,
                new SecureRandom(),
                1L,
                (file, key) -> Files.writeString(file, Hex.encode(key.seed())),
                Optional.empty())
            .genesis();
    MapState state = new MapState(new TreeMap<>(LedgerGenesis.storeGenesis(genesis).state()));
    Ledger ledger = new Ledger(Store.of(state));
    TokenQueries queries = new TokenQueries(state);
    GenesisDirectory directory = new GenesisDirectory(genesis);
    assertThat(directory.refresh(queries, 1)).isTrue();
    assertThat(directory.members()).hasSize(4);
    assertThat(directory.refresh(queries, 1)).isFalse();

    // admitted with an endpoint: dialable there
    byte[] raw = new byte[32];
    raw[0] = 9;
    PublicKey newcomer = org.alliancechain.core.crypto.KeyPair.fromSeed(raw).publicKey();
    assertThat(directory.isMember(newcomer)).isFalse();
    ledger.putMember(new Member(newcomer, "echo", Set.of(Role.CORPORATION), true, 5));
    ledger.putAccount(newcomer, ledger.account(newcomer)); // as the DAO's admission does
    ledger.putEndpoint(newcomer, new Endpoint("127.0.0.1", 17105, 18105));
    assertThat(directory.refresh(queries, 6)).isTrue();
    assertThat(directory.isMember(newcomer)).isTrue();
    assertThat(directory.address(newcomer)).contains(new PeerAddress("127.0.0.1", 17105));
    assertThat(directory.members()).isSorted();

    // removed as a member while still a validator: stays until its set is replaced at 20
    PublicKey birch = genesis.member("birch").orElseThrow().publicKey();
    ledger.putMember(ledger.member(birch).orElseThrow().removed(8));
    List<PublicKey> without =
        genesis.validatorSet().members().stream().filter(k -> !k.equals(birch)).toList();
    ledger.putValidators(ledger.validators().schedule(8, 20, without).orElseThrow());
    directory.refresh(queries, 9);
    assertThat(directory.isMember(birch)).isTrue();
    ledger.putValidators(ledger.validators().promote(20));
    assertThat(directory.refresh(queries, 21)).isTrue();
    assertThat(directory.isMember(birch)).isFalse();
    assertThat(directory.members()).hasSize(4).doesNotContain(birch).contains(newcomer);
    assertThat(directory.isMember(PublicKey.of(new byte[32]))).isFalse();
  }
}
