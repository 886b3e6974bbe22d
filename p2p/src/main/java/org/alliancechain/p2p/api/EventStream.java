package org.alliancechain.p2p.api;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * A server-sent-events feed (new blocks, inbox items): the node publishes, every connected client
 * gets the event. A client that reads too slowly is disconnected rather than buffered for without
 * bound; it reconnects and catches up through the normal routes.
 */
public final class EventStream {
  /** One connected client, implemented by the server. */
  public interface Subscriber {
    /** False when the client could not take the event (it is then closed). */
    boolean offer(byte[] frame);

    void close();
  }

  private final int subscribersMax;
  private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final LongAdder dropped = new LongAdder();

  public EventStream(int subscribersMax) {
    this.subscribersMax = subscribersMax;
  }

  /** Sends {@code data} (serialized to one line of JSON) as event {@code event}. */
  public void publish(String event, Object data) {
    if (event.indexOf('\n') >= 0 || event.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an event name is one line");
    }
    byte[] json = Json.write(data); // compact JSON has no raw newlines
    byte[] frame =
        ("event: " + event + "\ndata: " + new String(json, StandardCharsets.UTF_8) + "\n\n")
            .getBytes(StandardCharsets.UTF_8);
    for (Subscriber s : subscribers) {
      if (!s.offer(frame)) {
        dropped.increment();
        remove(s);
        s.close();
      }
    }
  }

  /** False when at the subscriber limit. */
  public synchronized boolean add(Subscriber subscriber) {
    if (subscribers.size() >= subscribersMax) {
      return false;
    }
    subscribers.add(subscriber);
    return true;
  }

  public void remove(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  public int subscriberCount() {
    return subscribers.size();
  }

  /** Clients disconnected for reading too slowly. */
  public long droppedCount() {
    return dropped.sum();
  }
}
