package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Role;
import org.alliancechain.token.tx.DaoAction;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;
import org.alliancechain.token.tx.TxKind;
import org.junit.jupiter.api.Test;

class TxCodecTest {
  private static final PublicKey A = Harness.key(1).publicKey();
  private static final Hash H = Sha256.hash(new byte[] {1});

  static List<TokenTx> samples() {
    return List.of(
        new TokenTx.TransferTokens(A, 5),
        new TokenTx.TransferMoney(A, 7),
        new TokenTx.Deposit(A, 9),
        new TokenTx.Withdraw(3),
        new TokenTx.Redeem(2),
        new TokenTx.Lifecycle(TxKind.SIGN_CONTRACT, Bytes.of(new byte[] {1, 2, 3})),
        new TokenTx.SwapOffer(true, 10, 1000, Optional.of(A), 50),
        new TokenTx.SwapOffer(false, 10, 1000, Optional.empty(), 50),
        new TokenTx.SwapFill(H),
        new TokenTx.SwapCancel(H),
        new TokenTx.DeclareProfit(500, List.of("c1", "c2")),
        new TokenTx.Propose(new DaoAction.SetParam(ParamId.REWARD_STANDARD_TOKENS, 120)),
        new TokenTx.Propose(new DaoAction.AdmitMember(A, "newcorp", Set.of(Role.CORPORATION))),
        new TokenTx.Propose(
            new DaoAction.AdmitMember(
                A,
                "newcorp",
                Set.of(Role.CORPORATION, Role.ALLIANCE),
                Optional.of(new org.alliancechain.token.state.Endpoint("10.0.0.5", 7101, 8101)))),
        new TokenTx.Propose(new DaoAction.RemoveMember(A)),
        new TokenTx.Propose(new DaoAction.AddValidator(A)),
        new TokenTx.Propose(new DaoAction.RemoveValidator(A)),
        new TokenTx.Propose(new DaoAction.AddCommitteeMember(A)),
        new TokenTx.Propose(new DaoAction.RemoveCommitteeMember(A)),
        new TokenTx.Vote(4, true),
        new TokenTx.RequestSupport("c1", "tokens not issued"),
        new TokenTx.CaseVote(2, 750),
        new TokenTx.HoldProposal(3));
  }

  @Test
  void everyKindRoundTripsThroughItsCanonicalEncoding() {
    Set<TxKind> seen = new HashSet<>();
    for (TokenTx tx : samples()) {
      Bytes encoded = TxCodec.encode(tx);
      assertThat(TxCodec.decode(tx.kind().code(), encoded)).isEqualTo(tx);
      seen.add(tx.kind());
    }
    // every non-lifecycle kind is covered, plus one lifecycle kind
    assertThat(seen)
        .containsAll(Arrays.stream(TxKind.values()).filter(k -> !k.isLifecycle()).toList());
  }

  @Test
  void kindCodesAreUniqueAndStable() {
    // wire codes are part of the protocol: spot-check a few against their documented values
    assertThat(TxKind.TRANSFER_TOKENS.code()).isEqualTo(0x0101);
    assertThat(TxKind.ACK_TRANSFER.code()).isEqualTo(0x0205);
    assertThat(TxKind.HOLD_PROPOSAL.code()).isEqualTo(0x0503);
    assertThat(Arrays.stream(TxKind.values()).map(TxKind::code).distinct().count())
        .isEqualTo(TxKind.values().length);
  }

  @Test
  void rejectsTrailingBytes() {
    for (TokenTx tx : samples()) {
      if (tx instanceof TokenTx.Lifecycle) {
        continue;
      }
      byte[] bytes = Arrays.copyOf(TxCodec.encode(tx).toByteArray(), TxCodec.encode(tx).size() + 1);
      assertThatThrownBy(() -> TxCodec.decode(tx.kind().code(), Bytes.wrap(bytes)))
          .isInstanceOfSatisfying(
              DecodeException.class,
              e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.TRAILING_BYTES));
    }
  }

  @Test
  void rejectsTruncation() {
    for (TokenTx tx : samples()) {
      if (tx instanceof TokenTx.Lifecycle) {
        continue;
      }
      byte[] full = TxCodec.encode(tx).toByteArray();
      byte[] cut = Arrays.copyOf(full, full.length - 1);
      assertThatThrownBy(() -> TxCodec.decode(tx.kind().code(), Bytes.wrap(cut)))
          .isInstanceOf(DecodeException.class);
    }
  }

  @Test
  void rejectsUnknownKind() {
    assertThatThrownBy(() -> TxCodec.decode(0x0999, Bytes.EMPTY))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.UNKNOWN_KIND));
  }

  @Test
  void rejectsZeroAmount() {
    CanonicalWriter w = new CanonicalWriter();
    A.encode(w);
    w.u63(0);
    assertThatThrownBy(
            () -> TxCodec.decode(TxKind.TRANSFER_TOKENS.code(), Bytes.wrap(w.toByteArray())))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.INVALID_VALUE));
  }

  @Test
  void rejectsParameterOutsideItsRange() {
    CanonicalWriter w = new CanonicalWriter();
    w.u8(1).u16(ParamId.DAO_QUORUM_PPM.code()).i64(2_000_000);
    assertThatThrownBy(() -> TxCodec.decode(TxKind.PROPOSE.code(), Bytes.wrap(w.toByteArray())))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.INVALID_VALUE));
  }

  @Test
  void rejectsDuplicateContractsInAProfitDeclaration() {
    Bytes bytes = TxCodec.encode(new TokenTx.DeclareProfit(5, List.of("c", "c")));
    assertThatThrownBy(() -> TxCodec.decode(TxKind.DECLARE_PROFIT.code(), bytes))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void rejectsAwardAboveTheLimit() {
    CanonicalWriter w = new CanonicalWriter();
    w.u63(1).u16(TokenLimits.AWARD_PER_MILLE_MAX + 1);
    assertThatThrownBy(() -> TxCodec.decode(TxKind.CASE_VOTE.code(), Bytes.wrap(w.toByteArray())))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void rejectsNonBooleanByte() {
    CanonicalWriter w = new CanonicalWriter();
    w.u63(1).u8(2);
    assertThatThrownBy(() -> TxCodec.decode(TxKind.VOTE.code(), Bytes.wrap(w.toByteArray())))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.NON_CANONICAL));
  }
}
