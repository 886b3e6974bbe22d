package org.alliancechain.contracts.sharing;

import java.util.Optional;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;

/**
 * SPEC M-18, competitive mode: "only hashes of private records go on chain". A private record is a
 * request or offer in its plaintext canonical encoding ({@link SharingCodec}); the ledger holds its
 * sealed form — the public fields the ledger needs to execute and {@code commitment =
 * SHA-256(canonical(domain, record, salt))}. The salt is 32 random bytes chosen by the client, so a
 * low-entropy record (a short description, a known profile) cannot be found by guessing and
 * hashing. The record and salt together are its {@link Opening}, kept by the owner's node and
 * served to authorised parties, who check it with {@link #openRequest} / {@link #openOffer}.
 */
public final class PrivateRecords {
  public static final int SALT_BYTES = 32;
  static final String DOMAIN = "alliancechain/private-record/v1";
  private static final int OPENING_VERSION = 1;

  private PrivateRecords() {}

  /** A private record and its salt; its hash is the commitment on chain. */
  public record Opening(Bytes record, Bytes salt) {
    public Opening {
      if (salt.size() != SALT_BYTES) {
        throw new IllegalArgumentException("a salt is " + SALT_BYTES + " bytes");
      }
    }

    public Hash commitment() {
      return PrivateRecords.commitment(record, salt);
    }

    public byte[] encode() {
      return new CanonicalWriter()
          .u8(OPENING_VERSION)
          .bytes(record.unsafeArray())
          .bytes(salt.unsafeArray())
          .toByteArray();
    }

    public static Opening decode(byte[] bytes) {
      CanonicalReader r = new CanonicalReader(bytes);
      int version = r.u8("opening version");
      if (version != OPENING_VERSION) {
        throw new DecodeException(
            DecodeException.Reason.INVALID_VALUE, "opening version " + version);
      }
      Bytes record = Bytes.wrap(r.bytes("record", ContractLimits.RECORD_BYTES_MAX));
      Bytes salt = Bytes.wrap(r.bytes("salt", SALT_BYTES));
      r.expectEnd("opening");
      if (salt.size() != SALT_BYTES) {
        throw new DecodeException(
            DecodeException.Reason.INVALID_VALUE, "a salt is " + SALT_BYTES + " bytes");
      }
      return new Opening(record, salt);
    }
  }

  /** Why an opening does not open the record on chain. */
  public static final class MismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Machine-readable. */
    public enum Reason {
      /** The record and salt do not hash to the commitment on chain. */
      HASH_MISMATCH,
      /** It hashes right but is not a plaintext record of that kind, id and public fields. */
      FIELDS_MISMATCH
    }

    private final Reason reason;

    MismatchException(Reason reason, String detail) {
      super(reason.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  public static Hash commitment(Bytes record, Bytes salt) {
    return Sha256.hash(
        new CanonicalWriter()
            .string(DOMAIN)
            .bytes(record.unsafeArray())
            .bytes(salt.unsafeArray())
            .toByteArray());
  }

  public static Opening opening(Request full, Bytes salt) {
    requireFull(full.sealed());
    return new Opening(Bytes.wrap(SharingCodec.encode(full)), salt);
  }

  public static Opening opening(Offer full, Bytes salt) {
    requireFull(full.sealed());
    return new Opening(Bytes.wrap(SharingCodec.encode(full)), salt);
  }

  private static void requireFull(boolean sealed) {
    if (sealed) {
      throw new IllegalArgumentException("a private record is the plaintext, not a sealed one");
    }
  }

  /**
   * What goes in the transaction: the public fields and the commitment. The requester is left
   * empty; the ledger sets it to the signer.
   */
  public static Request seal(Request full, Bytes salt) {
    Hash c = opening(full, salt).commitment();
    return new Request(
        full.id(),
        full.mode(),
        "",
        "",
        full.type(),
        "",
        full.quantity(),
        full.quality(),
        full.reward(),
        full.deadlineSeconds(),
        full.broadcast(),
        Optional.of(c));
  }

  /** The offer's id and request, and the commitment; the ledger sets the provider to the signer. */
  public static Offer seal(Offer full, Bytes salt) {
    Hash c = opening(full, salt).commitment();
    return new Offer(full.id(), full.requestId(), "", "", "", "", 0, Optional.of(c));
  }

  /**
   * The plaintext request behind {@code onChain}, if {@code opening} hashes to its commitment and
   * its public fields and requester are those on chain.
   */
  public static Request openRequest(Request onChain, Opening opening) throws MismatchException {
    byte[] bytes = checkHash(onChain.commitment(), opening);
    Request full;
    try {
      full = SharingCodec.decodeRequest(bytes);
    } catch (DecodeException e) {
      throw new MismatchException(MismatchException.Reason.FIELDS_MISMATCH, e.getMessage());
    }
    boolean same =
        !full.sealed()
            && full.id().equals(onChain.id())
            && full.mode() == onChain.mode()
            && (onChain.requester().isEmpty() || full.requester().equals(onChain.requester()))
            && full.type() == onChain.type()
            && full.quantity() == onChain.quantity()
            && full.quality().equals(onChain.quality())
            && full.reward() == onChain.reward()
            && full.deadlineSeconds() == onChain.deadlineSeconds()
            && full.broadcast().equals(onChain.broadcast());
    if (!same) {
      throw new MismatchException(
          MismatchException.Reason.FIELDS_MISMATCH,
          "the record is not request " + onChain.id() + " as on chain");
    }
    return full;
  }

  /** The plaintext offer behind {@code onChain}; see {@link #openRequest}. */
  public static Offer openOffer(Offer onChain, Opening opening) throws MismatchException {
    byte[] bytes = checkHash(onChain.commitment(), opening);
    Offer full;
    try {
      full = SharingCodec.decodeOffer(bytes);
    } catch (DecodeException e) {
      throw new MismatchException(MismatchException.Reason.FIELDS_MISMATCH, e.getMessage());
    }
    boolean same =
        !full.sealed()
            && full.id().equals(onChain.id())
            && full.requestId().equals(onChain.requestId())
            && (onChain.provider().isEmpty() || full.provider().equals(onChain.provider()));
    if (!same) {
      throw new MismatchException(
          MismatchException.Reason.FIELDS_MISMATCH,
          "the record is not offer " + onChain.id() + " as on chain");
    }
    return full;
  }

  private static byte[] checkHash(Optional<Hash> commitment, Opening opening)
      throws MismatchException {
    if (commitment.isEmpty()) {
      throw new MismatchException(
          MismatchException.Reason.FIELDS_MISMATCH, "the record on chain is not sealed");
    }
    Hash got = opening.commitment();
    if (!got.equals(commitment.get())) {
      throw new MismatchException(
          MismatchException.Reason.HASH_MISMATCH,
          "the record hashes to " + got.toHex() + ", not " + commitment.get().toHex());
    }
    return opening.record().unsafeArray();
  }
}
