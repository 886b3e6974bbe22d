package org.alliancechain.p2p.tree;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;

/** The canonical encoding of {@link TreeMessage}s, with their wire codes. */
public final class TreeCodec {
  static final int ANNOUNCE = 1;
  static final int ACK = 2;
  static final int SEALED = 3;

  /** A path has at most this many relays; longer ones are refused. */
  public static final int VIA_COUNT_MAX = 4;

  private TreeCodec() {}

  public static byte[] encode(TreeMessage message) {
    CanonicalWriter w = new CanonicalWriter();
    switch (message) {
      case TreeMessage.Announce a -> {
        w.u8(ANNOUNCE).hash(a.id());
        a.origin().encode(w);
        a.root().encode(w);
        w.u16(a.treeHops()).u63(a.caMicros()).u63(a.acMicros()).bytes(a.payload().unsafeArray());
      }
      case TreeMessage.Ack ack -> w.u8(ACK).hash(ack.id());
      case TreeMessage.Sealed s -> {
        w.u8(SEALED).hash(s.id());
        s.origin().encode(w);
        s.recipient().encode(w);
        w.u8(s.route().code()).u32(s.via().size());
        s.via().forEach(k -> k.encode(w));
        w.u32(s.hopMicros().size());
        s.hopMicros().forEach(w::u63);
        w.bytes(s.box().unsafeArray());
      }
    }
    return w.toByteArray();
  }

  /** Decodes one message, refusing anything that is not exactly its canonical encoding. */
  public static TreeMessage decode(byte[] bytes, int payloadBytesMax) {
    CanonicalReader r = new CanonicalReader(bytes);
    int kind = r.u8("kind");
    TreeMessage out =
        switch (kind) {
          case ANNOUNCE ->
              new TreeMessage.Announce(
                  r.hash("id"),
                  PublicKey.decode(r, "origin"),
                  PublicKey.decode(r, "root"),
                  r.u16("treeHops"),
                  r.u63("caMicros"),
                  r.u63("acMicros"),
                  Bytes.wrap(r.bytes("payload", payloadBytesMax)));
          case ACK -> new TreeMessage.Ack(r.hash("id"));
          case SEALED -> decodeSealed(r, payloadBytesMax);
          default -> throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "kind " + kind);
        };
    r.expectEnd("tree message");
    return out;
  }

  private static TreeMessage.Sealed decodeSealed(CanonicalReader r, int payloadBytesMax) {
    var id = r.hash("id");
    PublicKey origin = PublicKey.decode(r, "origin");
    PublicKey recipient = PublicKey.decode(r, "recipient");
    RouteKind route = RouteKind.ofCode(r.u8("route"));
    int viaCount = r.count("via", VIA_COUNT_MAX);
    List<PublicKey> via = new ArrayList<>(viaCount);
    for (int i = 0; i < viaCount; i++) {
      via.add(PublicKey.decode(r, "via"));
    }
    int hopCount = r.count("hopMicros", VIA_COUNT_MAX + 1);
    List<Long> hops = new ArrayList<>(hopCount);
    for (int i = 0; i < hopCount; i++) {
      hops.add(r.u63("hopMicros"));
    }
    Bytes box = Bytes.wrap(r.bytes("box", payloadBytesMax));
    return new TreeMessage.Sealed(id, origin, recipient, route, via, hops, box);
  }
}
