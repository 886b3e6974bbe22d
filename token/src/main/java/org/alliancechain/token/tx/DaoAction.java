package org.alliancechain.token.tx;

import java.util.Optional;
import java.util.Set;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.Endpoint;
import org.alliancechain.token.state.Member;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Role;

/** What a DAO proposal changes when it passes (SPEC M-23). The u8 tag is the wire code. */
public sealed interface DaoAction {
  record SetParam(ParamId param, long value) implements DaoAction {}

  /**
   * Admits a member; with an endpoint, the other nodes dial it there (wire tag 8; without one, tag
   * 2, and the member's node dials out only).
   */
  record AdmitMember(PublicKey key, String name, Set<Role> roles, Optional<Endpoint> endpoint)
      implements DaoAction {
    public AdmitMember {
      roles = Set.copyOf(roles);
    }

    public AdmitMember(PublicKey key, String name, Set<Role> roles) {
      this(key, name, roles, Optional.empty());
    }
  }

  record RemoveMember(PublicKey key) implements DaoAction {}

  record AddValidator(PublicKey key) implements DaoAction {}

  record RemoveValidator(PublicKey key) implements DaoAction {}

  record AddCommitteeMember(PublicKey key) implements DaoAction {}

  record RemoveCommitteeMember(PublicKey key) implements DaoAction {}

  /**
   * Replaces the key that signs for {@code member} (its ledger key) by {@code newKey}, from the
   * activation height of a validator change decided now (wire tag 9; issue #4).
   */
  record RotateKey(PublicKey member, PublicKey newKey) implements DaoAction {}

  static void encode(CanonicalWriter w, DaoAction action) {
    switch (action) {
      case SetParam a -> w.u8(1).u16(a.param().code()).i64(a.value());
      case AdmitMember a -> {
        w.u8(a.endpoint().isPresent() ? 8 : 2);
        a.key().encode(w);
        w.string(a.name()).u8(Member.encodeRoles(a.roles()));
        a.endpoint().ifPresent(e -> e.encode(w));
      }
      case RemoveMember a -> keyed(w, 3, a.key());
      case AddValidator a -> keyed(w, 4, a.key());
      case RemoveValidator a -> keyed(w, 5, a.key());
      case AddCommitteeMember a -> keyed(w, 6, a.key());
      case RemoveCommitteeMember a -> keyed(w, 7, a.key());
      case RotateKey a -> {
        keyed(w, 9, a.member());
        a.newKey().encode(w);
      }
    }
  }

  private static void keyed(CanonicalWriter w, int tag, PublicKey key) {
    w.u8(tag);
    key.encode(w);
  }

  static DaoAction decode(CanonicalReader r) {
    int tag = r.u8("dao action");
    return switch (tag) {
      case 1 -> decodeSetParam(r);
      case 2, 8 ->
          new AdmitMember(
              PublicKey.decode(r, "member key"),
              Codecs.nonEmptyText(r, "member name", TokenLimits.TEXT_BYTES_MAX),
              Member.decodeRoles(r.u8("roles")),
              tag == 8 ? Optional.of(Endpoint.decode(r)) : Optional.empty());
      case 3 -> new RemoveMember(PublicKey.decode(r, "member key"));
      case 4 -> new AddValidator(PublicKey.decode(r, "validator key"));
      case 5 -> new RemoveValidator(PublicKey.decode(r, "validator key"));
      case 6 -> new AddCommitteeMember(PublicKey.decode(r, "committee key"));
      case 7 -> new RemoveCommitteeMember(PublicKey.decode(r, "committee key"));
      case 9 -> new RotateKey(PublicKey.decode(r, "member key"), PublicKey.decode(r, "new key"));
      default -> throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "action " + tag);
    };
  }

  private static SetParam decodeSetParam(CanonicalReader r) {
    int code = r.u16("parameter code");
    ParamId param =
        ParamId.fromCode(code)
            .orElseThrow(
                () ->
                    new DecodeException(
                        DecodeException.Reason.UNKNOWN_KIND, "parameter code " + code));
    long value = r.i64("parameter value");
    if (!param.accepts(value)) {
      throw new DecodeException(
          DecodeException.Reason.INVALID_VALUE, param + " must be in " + param.range());
    }
    return new SetParam(param, value);
  }
}
