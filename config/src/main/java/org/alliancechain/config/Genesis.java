package org.alliancechain.config;

import java.util.List;
import java.util.Optional;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;

/**
 * The alliance's genesis: who the members are, with their keys, roles and endpoints, the mode and
 * the parameters. {@code gatewayKey} is the money gateway's own account (SPEC M-17), operated by
 * the member named {@code gateway} and kept apart from that member's wallet. Its hash (over the
 * canonical encoding) identifies the alliance; every node config names it, and a node refuses to
 * start on a genesis with another hash.
 */
public record Genesis(
    String name,
    String chainId,
    Mode mode,
    long genesisTimeMillis,
    List<GenesisMember> members,
    String gateway,
    PublicKey gatewayKey,
    List<String> committee,
    Parameters parameters) {

  public static final int FORMAT_VERSION = 1;

  public Genesis {
    members = List.copyOf(members);
    committee = List.copyOf(committee);
  }

  public Optional<GenesisMember> member(String memberName) {
    return members.stream().filter(m -> m.name().equals(memberName)).findFirst();
  }

  public Optional<GenesisMember> member(PublicKey key) {
    return members.stream().filter(m -> m.publicKey().equals(key)).findFirst();
  }

  public ValidatorSet validatorSet() {
    return ValidatorSet.of(
        members.stream().filter(GenesisMember::isValidator).map(GenesisMember::publicKey).toList());
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(1024);
    w.u8(FORMAT_VERSION).string(name).string(chainId).string(mode.specName());
    w.u63(genesisTimeMillis).count(members.size());
    for (GenesisMember member : members) {
      member.encode(w);
    }
    w.string(gateway);
    gatewayKey.encode(w);
    GenesisMember.strings(w, committee);
    parameters.encode(w);
    return w.toByteArray();
  }

  public Hash hash() {
    return Sha256.hash(encode());
  }
}
