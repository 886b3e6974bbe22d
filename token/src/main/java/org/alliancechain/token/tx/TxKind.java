package org.alliancechain.token.tx;

import java.util.Optional;

/**
 * Application transaction kinds with their stable u16 wire codes ({@code Transaction.kind}). The
 * high byte groups them: 0x01 wallets, 0x02 the sharing lifecycle (handed to the contract engine),
 * 0x03 token value, 0x04 DAO, 0x05 committee. Codes are never reused.
 */
public enum TxKind {
  TRANSFER_TOKENS(0x0101),
  TRANSFER_MONEY(0x0102),
  DEPOSIT(0x0103),
  WITHDRAW(0x0104),
  REDEEM(0x0105),
  SUBMIT_REQUEST(0x0201),
  SUBMIT_OFFER(0x0202),
  ACCEPT_OFFER(0x0203),
  SIGN_CONTRACT(0x0204),
  ACK_TRANSFER(0x0205),
  CANCEL_CONTRACT(0x0206),
  REJECT_OFFERS(0x0207),
  WITHDRAW_REQUEST(0x0208),
  BIND_RESOURCE(0x0209),
  PROPOSE_AMENDMENT(0x020A),
  APPROVE_AMENDMENT(0x020B),
  SWAP_OFFER(0x0301),
  SWAP_FILL(0x0302),
  SWAP_CANCEL(0x0303),
  DECLARE_PROFIT(0x0304),
  PROPOSE(0x0401),
  VOTE(0x0402),
  REQUEST_SUPPORT(0x0501),
  CASE_VOTE(0x0502),
  HOLD_PROPOSAL(0x0503);

  private final int code;

  TxKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean isLifecycle() {
    return (code >>> 8) == 0x02;
  }

  public static Optional<TxKind> fromCode(int code) {
    for (TxKind kind : values()) {
      if (kind.code == code) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
