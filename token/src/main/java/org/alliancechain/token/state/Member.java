package org.alliancechain.token.state;

import java.util.EnumSet;
import java.util.Set;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;

/** A member corporation (SPEC M-2). A removed member keeps its account but may not transact. */
public record Member(
    PublicKey key, String name, Set<Role> roles, boolean active, long sinceHeight) {
  public Member {
    roles = Set.copyOf(roles);
  }

  public Member removed(long height) {
    return new Member(key, name, roles, false, height);
  }

  public void encode(CanonicalWriter w) {
    key.encode(w);
    w.string(name);
    w.u8(encodeRoles(roles)).bool(active).u63(sinceHeight);
  }

  public static Member decode(CanonicalReader r) {
    PublicKey key = PublicKey.decode(r, "member key");
    String name = Codecs.nonEmptyText(r, "member name", TokenLimits.TEXT_BYTES_MAX);
    Set<Role> roles = decodeRoles(r.u8("roles"));
    return new Member(key, name, roles, r.bool("active"), r.u63("since height"));
  }

  public static Set<Role> decodeRoles(int bits) {
    Role[] all = Role.values();
    if (bits >>> all.length != 0) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "unknown role bits " + bits);
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : all) {
      if ((bits & (1 << Codecs.code(role))) != 0) {
        roles.add(role);
      }
    }
    return roles;
  }

  public static int encodeRoles(Set<Role> roles) {
    int bits = 0;
    for (Role role : roles) {
      bits |= 1 << Codecs.code(role);
    }
    return bits;
  }
}
