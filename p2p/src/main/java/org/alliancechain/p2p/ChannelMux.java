package org.alliancechain.p2p;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.alliancechain.core.crypto.PublicKey;

/**
 * Shares one {@link PeerNetwork} between protocols (consensus, trees, sync): the first byte of
 * every message names its channel. Messages for a channel nobody registered are counted and
 * dropped.
 */
public final class ChannelMux implements MessageHandler {
  /** The channels this node speaks; codes are wire values. */
  public enum Channel {
    CONSENSUS(1),
    TREE(2),
    SYNC(3),
    MEMPOOL(4),
    RESOURCE(5);

    private final int code;

    Channel(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  private final ConcurrentHashMap<Integer, MessageHandler> handlers = new ConcurrentHashMap<>();
  private final LongAdder unrouted = new LongAdder();

  public void register(Channel channel, MessageHandler handler) {
    if (handlers.putIfAbsent(channel.code(), handler) != null) {
      throw new IllegalStateException("channel " + channel + " already has a handler");
    }
  }

  /** The bytes to hand to {@link PeerNetwork#send} for a message on a channel. */
  public static byte[] frame(Channel channel, byte[] body) {
    byte[] out = new byte[body.length + 1];
    out[0] = (byte) channel.code();
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  @Override
  public void onMessage(PublicKey sender, byte[] message) {
    MessageHandler h = message.length == 0 ? null : handlers.get(message[0] & 0xff);
    if (h == null) {
      unrouted.increment();
      return;
    }
    h.onMessage(sender, Arrays.copyOfRange(message, 1, message.length));
  }

  public long unroutedCount() {
    return unrouted.sum();
  }
}
