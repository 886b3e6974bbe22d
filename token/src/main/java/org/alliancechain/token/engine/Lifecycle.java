package org.alliancechain.token.engine;

import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.sharing.Acceptance;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.Request;
import org.alliancechain.contracts.sharing.SharingCodec;
import org.alliancechain.contracts.sharing.SharingLifecycle.DraftTerms;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.tx.TxCodec;
import org.alliancechain.token.tx.TxKind;

/**
 * Payloads of the sharing lifecycle transactions (kinds 0x02xx). Sharing records use the contracts
 * module's canonical {@link SharingCodec}; the rest is canonical here.
 */
public sealed interface Lifecycle {
  TxKind kind();

  record SubmitRequest(Request request) implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.SUBMIT_REQUEST;
    }
  }

  record SubmitOffer(Offer offer) implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.SUBMIT_OFFER;
    }
  }

  /**
   * The receiver accepts offers; the ledger drafts contract {@code contractId} with {@code terms}.
   */
  record AcceptOffers(Acceptance acceptance, String contractId, DraftTerms terms)
      implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.ACCEPT_OFFER;
    }
  }

  record Sign(String contractId) implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.SIGN_CONTRACT;
    }
  }

  /**
   * The receiver's node checked the resource of installment {@code period} against its hash (M-18)
   * and reports the resource's metadata for the quality rules (M-20).
   */
  record AckTransfer(String contractId, int period, SortedMap<String, Long> metadata)
      implements Lifecycle {
    public AckTransfer {
      metadata = new TreeMap<>(metadata);
    }

    @Override
    public TxKind kind() {
      return TxKind.ACK_TRANSFER;
    }
  }

  record Cancel(String contractId) implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.CANCEL_CONTRACT;
    }
  }

  /** The requester rejects offers (M-11); they can no longer be accepted. */
  record RejectOffers(String requestId, java.util.List<String> offerIds) implements Lifecycle {
    public RejectOffers {
      offerIds = java.util.List.copyOf(offerIds);
    }

    @Override
    public TxKind kind() {
      return TxKind.REJECT_OFFERS;
    }
  }

  /** The requester withdraws a request that has no contract yet. */
  record WithdrawRequest(String requestId) implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.WITHDRAW_REQUEST;
    }
  }

  /**
   * The provider binds the off-chain resource of installment {@code period} to the contract (SPEC
   * M-18): its SHA-256 and size as its node stores and serves it. {@code encrypted}: the bytes are
   * a sealed stream to the receiver's key (competitive mode), and the hash is of that ciphertext.
   */
  record BindResource(String contractId, int period, Hash hash, long sizeBytes, boolean encrypted)
      implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.BIND_RESOURCE;
    }
  }

  /**
   * A party proposes to replace the contract's document (M-15); the proposal counts as the
   * proposer's signature of it. It takes effect once every party approved it.
   */
  record ProposeAmendment(String contractId, String document) implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.PROPOSE_AMENDMENT;
    }
  }

  /** A party signs the pending amendment whose document has SHA-256 {@code documentHash}. */
  record ApproveAmendment(String contractId, Hash documentHash) implements Lifecycle {
    @Override
    public TxKind kind() {
      return TxKind.APPROVE_AMENDMENT;
    }
  }

  static Bytes encode(Lifecycle tx) {
    CanonicalWriter w = new CanonicalWriter();
    switch (tx) {
      case SubmitRequest t -> w.bytes(SharingCodec.encode(t.request()));
      case SubmitOffer t -> w.bytes(SharingCodec.encode(t.offer()));
      case AcceptOffers t -> {
        w.bytes(SharingCodec.encode(t.acceptance())).string(t.contractId());
        DraftTerms d = t.terms();
        w.u63(d.startSeconds()).u63(d.endSeconds()).u32(d.installments());
        w.u63(d.cancellationFee()).u63(d.bonusAmount()).bool(d.changeable());
      }
      case Sign t -> w.string(t.contractId());
      case AckTransfer t -> {
        w.string(t.contractId()).u32(t.period()).count(t.metadata().size());
        t.metadata().forEach((k, v) -> w.string(k).u63(v));
      }
      case Cancel t -> w.string(t.contractId());
      case RejectOffers t -> {
        w.string(t.requestId()).count(t.offerIds().size());
        t.offerIds().forEach(w::string);
      }
      case WithdrawRequest t -> w.string(t.requestId());
      case BindResource t ->
          w.string(t.contractId())
              .u32(t.period())
              .hash(t.hash())
              .u63(t.sizeBytes())
              .bool(t.encrypted());
      case ProposeAmendment t -> w.string(t.contractId()).string(t.document());
      case ApproveAmendment t -> w.string(t.contractId()).hash(t.documentHash());
    }
    return Bytes.wrap(w.toByteArray());
  }

  static Lifecycle decode(TxKind kind, Bytes body) {
    CanonicalReader r = new CanonicalReader(body.unsafeArray());
    Lifecycle tx =
        switch (kind) {
          case SUBMIT_REQUEST -> new SubmitRequest(SharingCodec.decodeRequest(record(r)));
          case SUBMIT_OFFER -> new SubmitOffer(SharingCodec.decodeOffer(record(r)));
          case ACCEPT_OFFER ->
              new AcceptOffers(
                  SharingCodec.decodeAcceptance(record(r)),
                  TxCodec.contractId(r),
                  new DraftTerms(
                      r.u63("start"),
                      r.u63("end"),
                      r.u32("installments", ContractLimits.INSTALLMENT_COUNT_MAX),
                      r.u63("cancellation fee"),
                      r.u63("bonus"),
                      r.bool("changeable")));
          case SIGN_CONTRACT -> new Sign(TxCodec.contractId(r));
          case ACK_TRANSFER -> decodeAck(r);
          case CANCEL_CONTRACT -> new Cancel(TxCodec.contractId(r));
          case REJECT_OFFERS ->
              new RejectOffers(
                  requestId(r),
                  org.alliancechain.token.state.Codecs.list(
                      r, "offer ids", ContractLimits.OFFER_COUNT_MAX, Lifecycle::requestId));
          case WITHDRAW_REQUEST -> new WithdrawRequest(requestId(r));
          case BIND_RESOURCE ->
              new BindResource(
                  TxCodec.contractId(r),
                  r.u32("period", ContractLimits.INSTALLMENT_COUNT_MAX),
                  r.hash("resource hash"),
                  r.u63("resource size"),
                  r.bool("encrypted"));
          case PROPOSE_AMENDMENT ->
              new ProposeAmendment(
                  TxCodec.contractId(r), r.string("document", ContractLimits.DOCUMENT_BYTES_MAX));
          case APPROVE_AMENDMENT ->
              new ApproveAmendment(TxCodec.contractId(r), r.hash("document hash"));
          default -> throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, kind.name());
        };
    r.expectEnd(kind.name());
    return tx;
  }

  private static String requestId(CanonicalReader r) {
    return r.string("record id", ContractLimits.RECORD_ID_BYTES_MAX);
  }

  private static byte[] record(CanonicalReader r) {
    return r.bytes("sharing record", ContractLimits.RECORD_BYTES_MAX);
  }

  private static AckTransfer decodeAck(CanonicalReader r) {
    String id = TxCodec.contractId(r);
    int period = r.u32("period", ContractLimits.INSTALLMENT_COUNT_MAX);
    int n = r.count("metadata", ContractLimits.QUALITY_REQUIREMENTS_MAX);
    TreeMap<String, Long> metadata = new TreeMap<>();
    String previous = null;
    for (int i = 0; i < n; i++) {
      String key = r.string("metadata key", TokenLimits.TEXT_BYTES_MAX);
      if (previous != null && previous.compareTo(key) >= 0) {
        throw new DecodeException(DecodeException.Reason.NON_CANONICAL, "metadata not sorted");
      }
      previous = key;
      metadata.put(key, r.u63("metadata value"));
    }
    return new AckTransfer(id, period, metadata);
  }
}
