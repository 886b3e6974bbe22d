package org.alliancechain.contracts.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.codec.DecodeException.Reason;

/**
 * The canonical encoding of sharing records, for transactions and state. Every record starts with a
 * kind byte and a version byte; enums are one byte (their declaration index, so never reorder
 * them); an absent optional is byte 0 and a present one its index + 1. Decoding rejects anything
 * that is not exactly one encoding ({@link DecodeException}).
 */
public final class SharingCodec {
  static final int KIND_REQUEST = 1;
  static final int KIND_OFFER = 2;
  static final int KIND_ACCEPTANCE = 3;
  static final int VERSION = 1;

  /**
   * SPEC M-18: a sealed request or offer (competitive mode) carries only its public fields and the
   * commitment to its private record; its private fields are absent, not empty strings.
   */
  static final int VERSION_SEALED = 2;

  private static final int ID = ContractLimits.RECORD_ID_BYTES_MAX;
  private static final int TEXT = ContractLimits.DESCRIPTION_BYTES_MAX;

  private SharingCodec() {}

  public static byte[] encode(Request r) {
    if (r.sealed()) {
      return encodeSealed(r);
    }
    CanonicalWriter w = header(KIND_REQUEST);
    w.string(bounded(r.id(), ID))
        .u8(code(r.mode()))
        .string(bounded(r.requester(), ID))
        .string(bounded(r.requesterName(), ID));
    w.u8(code(r.type())).string(bounded(r.description(), TEXT)).u63(r.quantity());
    w.count(bounded(r.quality().size(), ContractLimits.QUALITY_REQUIREMENTS_MAX));
    for (QualityRequirement q : r.quality()) {
      w.string(bounded(q.function(), ID)).u63(q.bound());
    }
    w.u63(r.reward()).u63(r.deadlineSeconds());
    w.u8(r.broadcast().map(SharingCodec::code).orElse(0));
    return checkedSize(w);
  }

  /** id, mode, requester (empty in a transaction), type, quantity, quality, reward, ... */
  private static byte[] encodeSealed(Request r) {
    CanonicalWriter w = header(KIND_REQUEST, VERSION_SEALED);
    w.string(bounded(r.id(), ID)).u8(code(r.mode())).string(bounded(r.requester(), ID));
    w.u8(code(r.type())).u63(r.quantity());
    w.count(bounded(r.quality().size(), ContractLimits.QUALITY_REQUIREMENTS_MAX));
    for (QualityRequirement q : r.quality()) {
      w.string(bounded(q.function(), ID)).u63(q.bound());
    }
    w.u63(r.reward()).u63(r.deadlineSeconds());
    w.u8(r.broadcast().map(SharingCodec::code).orElse(0));
    w.hash(r.commitment().orElseThrow());
    return checkedSize(w);
  }

  private static Request decodeSealedRequest(CanonicalReader r) {
    String id = r.string("request id", ID);
    AllianceMode mode = mode(r.u8("mode"));
    String requester = r.string("requester", ID);
    ResourceType type = type(r.u8("resource type"));
    long quantity = r.u63("quantity");
    List<QualityRequirement> quality = quality(r);
    long reward = r.u63("reward");
    long deadline = r.u63("deadline");
    Optional<BroadcastOption> broadcast = broadcastOption(r);
    var commitment = r.hash("commitment");
    r.expectEnd("sealed request");
    return new Request(
        id,
        mode,
        requester,
        "",
        type,
        "",
        quantity,
        quality,
        reward,
        deadline,
        broadcast,
        Optional.of(commitment));
  }

  private static List<QualityRequirement> quality(CanonicalReader r) {
    int count = r.count("quality requirements", ContractLimits.QUALITY_REQUIREMENTS_MAX);
    List<QualityRequirement> quality = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      quality.add(new QualityRequirement(r.string("quality function", ID), r.u63("quality bound")));
    }
    return quality;
  }

  private static Optional<BroadcastOption> broadcastOption(CanonicalReader r) {
    int broadcastByte = r.u8("broadcast");
    return broadcastByte == 0 ? Optional.empty() : Optional.of(broadcast(broadcastByte));
  }

  public static Request decodeRequest(byte[] bytes) {
    CanonicalReader r = open(bytes, KIND_REQUEST, "request", true);
    if (bytes[1] == VERSION_SEALED) {
      return decodeSealedRequest(r);
    }
    String id = r.string("request id", ID);
    AllianceMode mode = mode(r.u8("mode"));
    String requester = r.string("requester", ID);
    String requesterName = r.string("requester name", ID);
    ResourceType type = type(r.u8("resource type"));
    String description = r.string("description", TEXT);
    long quantity = r.u63("quantity");
    List<QualityRequirement> quality = quality(r);
    long reward = r.u63("reward");
    long deadline = r.u63("deadline");
    Optional<BroadcastOption> broadcast = broadcastOption(r);
    r.expectEnd("request");
    return new Request(
        id,
        mode,
        requester,
        requesterName,
        type,
        description,
        quantity,
        quality,
        reward,
        deadline,
        broadcast);
  }

  public static byte[] encode(Offer o) {
    if (o.sealed()) {
      CanonicalWriter w = header(KIND_OFFER, VERSION_SEALED);
      w.string(bounded(o.id(), ID))
          .string(bounded(o.requestId(), ID))
          .string(bounded(o.provider(), ID))
          .hash(o.commitment().orElseThrow());
      return checkedSize(w);
    }
    CanonicalWriter w = header(KIND_OFFER);
    w.string(bounded(o.id(), ID))
        .string(bounded(o.requestId(), ID))
        .string(bounded(o.provider(), ID))
        .string(bounded(o.providerName(), ID));
    w.string(bounded(o.description(), TEXT))
        .string(bounded(o.profile(), TEXT))
        .u63(o.expectedReward());
    return checkedSize(w);
  }

  public static Offer decodeOffer(byte[] bytes) {
    CanonicalReader r = open(bytes, KIND_OFFER, "offer", true);
    if (bytes[1] == VERSION_SEALED) {
      Offer sealed =
          new Offer(
              r.string("offer id", ID),
              r.string("request id", ID),
              r.string("provider", ID),
              "",
              "",
              "",
              0,
              Optional.of(r.hash("commitment")));
      r.expectEnd("sealed offer");
      return sealed;
    }
    Offer offer =
        new Offer(
            r.string("offer id", ID),
            r.string("request id", ID),
            r.string("provider", ID),
            r.string("provider name", ID),
            r.string("description", TEXT),
            r.string("profile", TEXT),
            r.u63("expected reward"));
    r.expectEnd("offer");
    return offer;
  }

  public static byte[] encode(Acceptance a) {
    CanonicalWriter w = header(KIND_ACCEPTANCE);
    w.string(bounded(a.requestId(), ID))
        .count(bounded(a.offers().size(), ContractLimits.BENEFICIARY_COUNT_MAX));
    for (Acceptance.Accepted accepted : a.offers()) {
      w.string(bounded(accepted.offerId(), ID)).u63(accepted.sharePart());
    }
    return checkedSize(w);
  }

  public static Acceptance decodeAcceptance(byte[] bytes) {
    CanonicalReader r = open(bytes, KIND_ACCEPTANCE, "acceptance", false);
    String requestId = r.string("request id", ID);
    int count = r.count("accepted offers", ContractLimits.BENEFICIARY_COUNT_MAX);
    List<Acceptance.Accepted> offers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      offers.add(new Acceptance.Accepted(r.string("offer id", ID), r.u63("share part")));
    }
    r.expectEnd("acceptance");
    return new Acceptance(requestId, offers);
  }

  /** Encoding refuses what decoding would refuse, so decode(encode(x)) never fails. */
  private static String bounded(String value, int maxBytes) {
    int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw new IllegalArgumentException("a field of " + bytes + " bytes exceeds " + maxBytes);
    }
    return value;
  }

  private static int bounded(int count, int max) {
    if (count > max) {
      throw new IllegalArgumentException("a list of " + count + " exceeds " + max);
    }
    return count;
  }

  private static CanonicalWriter header(int kind) {
    return header(kind, VERSION);
  }

  private static CanonicalWriter header(int kind, int version) {
    return new CanonicalWriter().u8(kind).u8(version);
  }

  private static byte[] checkedSize(CanonicalWriter w) {
    if (w.sizeBytes() > ContractLimits.RECORD_BYTES_MAX) {
      throw new IllegalArgumentException(
          "record of "
              + w.sizeBytes()
              + " bytes exceeds "
              + ContractLimits.RECORD_BYTES_MAX
              + " (RECORD_BYTES_MAX)");
    }
    return w.toByteArray();
  }

  /** Past the kind and version bytes; {@code sealable}: version 2 (sealed) is allowed too. */
  private static CanonicalReader open(byte[] bytes, int kind, String what, boolean sealable) {
    if (bytes.length > ContractLimits.RECORD_BYTES_MAX) {
      throw new DecodeException(
          Reason.LENGTH_OVER_LIMIT,
          what + " of " + bytes.length + " bytes exceeds " + ContractLimits.RECORD_BYTES_MAX);
    }
    CanonicalReader r = new CanonicalReader(bytes);
    int found = r.u8(what + " kind");
    if (found != kind) {
      throw new DecodeException(
          Reason.UNKNOWN_KIND, "expected " + what + " kind " + kind + ", found " + found);
    }
    int version = r.u8(what + " version");
    if (version != VERSION && !(sealable && version == VERSION_SEALED)) {
      throw new DecodeException(
          Reason.INVALID_VALUE, what + " version " + version + " is not " + VERSION);
    }
    return r;
  }

  // Wire codes, fixed forever: never derived from declaration order.

  static int code(AllianceMode mode) {
    return switch (mode) {
      case COOPERATIVE -> 1;
      case COMPETITIVE -> 2;
    };
  }

  static AllianceMode mode(int code) {
    return switch (code) {
      case 1 -> AllianceMode.COOPERATIVE;
      case 2 -> AllianceMode.COMPETITIVE;
      default -> throw invalid("alliance mode", code);
    };
  }

  static int code(ResourceType type) {
    return switch (type) {
      case DATA -> 1;
      case INFORMATION -> 2;
      case PRODUCT -> 3;
      case MONEY -> 4;
      case PARTNER -> 5;
      case HUMAN -> 6;
      case PPE -> 7;
      case KNOWLEDGE -> 8;
    };
  }

  static ResourceType type(int code) {
    return switch (code) {
      case 1 -> ResourceType.DATA;
      case 2 -> ResourceType.INFORMATION;
      case 3 -> ResourceType.PRODUCT;
      case 4 -> ResourceType.MONEY;
      case 5 -> ResourceType.PARTNER;
      case 6 -> ResourceType.HUMAN;
      case 7 -> ResourceType.PPE;
      case 8 -> ResourceType.KNOWLEDGE;
      default -> throw invalid("resource type", code);
    };
  }

  /** 0 is reserved for "absent". */
  static int code(BroadcastOption option) {
    return switch (option) {
      case PRIVATE -> 1;
      case PRIVATE_ALLIANCE_NODE -> 2;
      case ALLIANCE_WIDE -> 3;
    };
  }

  static BroadcastOption broadcast(int code) {
    return switch (code) {
      case 1 -> BroadcastOption.PRIVATE;
      case 2 -> BroadcastOption.PRIVATE_ALLIANCE_NODE;
      case 3 -> BroadcastOption.ALLIANCE_WIDE;
      default -> throw invalid("broadcast option", code);
    };
  }

  private static DecodeException invalid(String what, int code) {
    return new DecodeException(Reason.INVALID_VALUE, what + " code " + code + " is unknown");
  }
}
