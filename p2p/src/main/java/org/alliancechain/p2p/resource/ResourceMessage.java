package org.alliancechain.p2p.resource;

import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.store.StoreLimits;

/**
 * The messages of the RESOURCE channel (SPEC M-18): the receiver's node pulls a resource from the
 * provider's node one chunk at a time, so each side holds at most one chunk of it in memory.
 */
public sealed interface ResourceMessage {
  int CODE_GET = 1;
  int CODE_CHUNK = 2;
  int CODE_REFUSED = 3;
  int CODE_GET_RECORD = 4;
  int CODE_RECORD = 5;
  int TEXT_BYTES_MAX = 512;

  /** A private record's opening (record and salt), well above the contracts module's 16 KiB. */
  int RECORD_BYTES_MAX = 32 * 1024;

  /** Chunk {@code index} of the resource bound on chain to {@code contractId}/{@code period}. */
  record Get(long requestId, String contractId, int period, Hash hash, int index)
      implements ResourceMessage {}

  /** One chunk: every chunk but the last holds {@link StoreLimits#RESOURCE_CHUNK_BYTES}. */
  record Chunk(long requestId, int index, int chunkCount, long sizeBytes, Bytes bytes)
      implements ResourceMessage {}

  /** The provider's node will not serve it; {@code reason} is machine-readable. */
  record Refused(long requestId, String reason, String detail) implements ResourceMessage {}

  /**
   * SPEC M-18, competitive mode: the opening of the private record whose commitment is {@code
   * commitment} on chain, asked of the node of the member who owns it.
   */
  record GetRecord(long requestId, Hash commitment) implements ResourceMessage {}

  /** The opening: the requester checks it against the commitment before using it. */
  record RecordOpening(long requestId, Bytes opening) implements ResourceMessage {}

  long requestId();

  static byte[] encode(ResourceMessage message) {
    CanonicalWriter w = new CanonicalWriter();
    switch (message) {
      case Get g ->
          w.u8(CODE_GET)
              .u63(g.requestId())
              .string(g.contractId())
              .u32(g.period())
              .hash(g.hash())
              .u32(g.index());
      case Chunk c ->
          w.u8(CODE_CHUNK)
              .u63(c.requestId())
              .u32(c.index())
              .u32(c.chunkCount())
              .u63(c.sizeBytes())
              .bytes(c.bytes().unsafeArray());
      case Refused r -> w.u8(CODE_REFUSED).u63(r.requestId()).string(r.reason()).string(r.detail());
      case GetRecord g -> w.u8(CODE_GET_RECORD).u63(g.requestId()).hash(g.commitment());
      case RecordOpening r -> w.u8(CODE_RECORD).u63(r.requestId()).bytes(r.opening().unsafeArray());
    }
    return w.toByteArray();
  }

  static ResourceMessage decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    int code = r.u8("kind");
    ResourceMessage m =
        switch (code) {
          case CODE_GET ->
              new Get(
                  r.u63("request id"),
                  r.string("contract id", TEXT_BYTES_MAX),
                  r.u32("period", Integer.MAX_VALUE),
                  r.hash("hash"),
                  r.u32("index", Integer.MAX_VALUE));
          case CODE_CHUNK ->
              new Chunk(
                  r.u63("request id"),
                  r.u32("index", Integer.MAX_VALUE),
                  r.u32("chunk count", Integer.MAX_VALUE),
                  r.u63("size"),
                  Bytes.wrap(r.bytes("chunk", StoreLimits.RESOURCE_CHUNK_BYTES)));
          case CODE_REFUSED ->
              new Refused(
                  r.u63("request id"),
                  r.string("reason", TEXT_BYTES_MAX),
                  r.string("detail", TEXT_BYTES_MAX));
          case CODE_GET_RECORD -> new GetRecord(r.u63("request id"), r.hash("commitment"));
          case CODE_RECORD ->
              new RecordOpening(
                  r.u63("request id"), Bytes.wrap(r.bytes("record", RECORD_BYTES_MAX)));
          default ->
              throw new DecodeException(
                  DecodeException.Reason.UNKNOWN_KIND, "resource message " + code);
        };
    r.expectEnd("resource message");
    return m;
  }
}
