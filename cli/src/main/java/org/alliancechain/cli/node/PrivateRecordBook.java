package org.alliancechain.cli.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.sharing.AllianceMode;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.PrivateRecords;
import org.alliancechain.contracts.sharing.PrivateRecords.MismatchException;
import org.alliancechain.contracts.sharing.PrivateRecords.Opening;
import org.alliancechain.contracts.sharing.Request;
import org.alliancechain.contracts.sharing.SharingCase;
import org.alliancechain.contracts.sharing.SharingCodec;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.resource.FetchException;
import org.alliancechain.p2p.resource.ResourceTransfer;
import org.alliancechain.p2p.resource.ResourceTransfer.RecordResolution;
import org.alliancechain.token.engine.ContractsEngine;
import org.alliancechain.token.engine.Lifecycle;
import org.alliancechain.token.tx.TxKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC M-18, competitive mode: the private records behind the sealed requests and offers on chain.
 * This node keeps its own member's records (from the member's CLI, {@code POST /private-records})
 * and the ones it fetched for its member, in its store's local records (so they survive a restart);
 * it serves its own to authorised peers over the RESOURCE channel — a request to its recipients
 * (every member when none were named) and to the provider accepted for it, an offer to the
 * requester only — and after every block fetches, from the owner's node, the records of new sealed
 * requests and of the offers on its member's requests, keeping one only if it opens the commitment
 * on chain.
 */
public final class PrivateRecordBook implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateRecordBook.class);
  static final String PREFIX = "private-record/";
  public static final int READERS_MAX = 64;
  public static final int FETCH_ATTEMPTS_MAX = 20;
  public static final int WANTED_MAX = 10_000;
  public static final ResourceTransfer.FetchLimits FETCH_LIMITS =
      new ResourceTransfer.FetchLimits(Duration.ofSeconds(5), 2);
  private static final int ENTRY_VERSION = 1;

  enum Kind {
    REQUEST,
    OFFER
  }

  /** A record this node holds: its opening, who may read it (own records), own or fetched. */
  record Entry(Kind kind, Opening opening, List<String> readers, boolean own) {
    Entry {
      readers = List.copyOf(readers);
    }

    byte[] encode() {
      CanonicalWriter w =
          new CanonicalWriter().u8(ENTRY_VERSION).u8(kind == Kind.REQUEST ? 1 : 2).bool(own);
      w.bytes(opening.encode()).count(readers.size());
      readers.forEach(w::string);
      return w.toByteArray();
    }

    static Entry decode(byte[] bytes) {
      CanonicalReader r = new CanonicalReader(bytes);
      if (r.u8("entry version") != ENTRY_VERSION) {
        throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "entry version");
      }
      Kind kind =
          switch (r.u8("kind")) {
            case 1 -> Kind.REQUEST;
            case 2 -> Kind.OFFER;
            default -> throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "kind");
          };
      boolean own = r.bool("own");
      Opening opening = Opening.decode(r.bytes("opening", 2 * ContractLimits.RECORD_BYTES_MAX));
      int n = r.count("readers", READERS_MAX);
      List<String> readers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        readers.add(r.string("reader", ContractLimits.RECORD_ID_BYTES_MAX));
      }
      r.expectEnd("private record entry");
      return new Entry(kind, opening, readers, own);
    }
  }

  /** A sealed record this node's member may read, to fetch from {@code owner}'s node. */
  private record Wanted(
      Kind kind, String requestId, String offerId, Hash commitment, PublicKey owner, long dueNanos)
      implements Delayed {
    Wanted later(Duration delay) {
      return new Wanted(
          kind, requestId, offerId, commitment, owner, System.nanoTime() + delay.toNanos());
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }

  /**
   * Refusals that do not change: the owner's node decided this member may not read it. Others (the
   * owner's node has not committed the block yet, is busy, is restarting) are asked again.
   */
  private static final Set<String> FINAL_REFUSALS = Set.of("not_a_recipient", "not_the_requester");

  public static final Duration RETRY_AFTER = Duration.ofMillis(500);

  private final Node node;
  private final String self;
  private final ResourceTransfer transfer;
  private final DelayQueue<Wanted> wanted = new DelayQueue<>();
  private final Map<Hash, Integer> attempts = new ConcurrentHashMap<>();
  private final Set<Hash> givenUp = ConcurrentHashMap.newKeySet();
  private final Thread worker;
  private volatile long scanned;
  private volatile boolean closed;

  PrivateRecordBook(Node node, ResourceTransfer transfer) {
    this.node = node;
    this.self = Address.of(node.key().publicKey()).toText();
    this.transfer = transfer;
    this.worker = new Thread(this::work, "private-records");
    worker.setDaemon(true);
    worker.start();
  }

  private static String name(Hash commitment) {
    return PREFIX + commitment.toHex();
  }

  Optional<Entry> entry(Hash commitment) {
    return node.store().resources().getLocal(name(commitment)).map(Entry::decode);
  }

  // ------------------------------------------------------------------ the member's own records

  public record Kept(String commitment, String kind, String id) {}

  /** Keeps a record of this node's member; returns the commitment its sealed form carries. */
  Kept keep(String kindText, byte[] openingBytes, List<String> readers) {
    Kind kind;
    try {
      kind = Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.badRequest("bad_kind", "kind is request or offer", "kind");
    }
    if (readers.size() > READERS_MAX) {
      throw ApiException.badRequest("too_many_readers", "at most " + READERS_MAX, "readers");
    }
    Opening opening;
    String owner;
    String id;
    try {
      opening = Opening.decode(openingBytes);
      byte[] record = opening.record().unsafeArray();
      if (kind == Kind.REQUEST) {
        Request r = SharingCodec.decodeRequest(record);
        if (r.sealed() || r.mode() != AllianceMode.COMPETITIVE) {
          throw ApiException.badRequest(
              "not_private", "only a competitive plaintext request is a private record", "opening");
        }
        owner = r.requester();
        id = r.id();
      } else {
        Offer o = SharingCodec.decodeOffer(record);
        if (o.sealed()) {
          throw ApiException.badRequest("not_private", "a plaintext offer expected", "opening");
        }
        owner = o.provider();
        id = o.id();
      }
    } catch (DecodeException | IllegalArgumentException e) {
      throw ApiException.badRequest("bad_opening", String.valueOf(e.getMessage()), "opening");
    }
    if (!owner.equals(self)) {
      throw new ApiException(
          403,
          "not_own_record",
          "this node keeps the private records of " + self + " only; use your own node",
          Optional.of("opening"));
    }
    Entry entry = new Entry(kind, opening, readers, true);
    node.store().resources().putLocal(name(opening.commitment()), entry.encode());
    return new Kept(opening.commitment().toHex(), kind.name().toLowerCase(Locale.ROOT), id);
  }

  // ------------------------------------------------------------------ plaintext for the views

  /** The plaintext behind a sealed request, if this node holds (and it opens) its record. */
  Optional<Request> plaintext(Request onChain) {
    if (!onChain.sealed()) {
      return Optional.empty();
    }
    return entry(onChain.commitment().orElseThrow())
        .filter(e -> e.kind() == Kind.REQUEST)
        .flatMap(
            e -> {
              try {
                return Optional.of(PrivateRecords.openRequest(onChain, e.opening()));
              } catch (MismatchException x) {
                return Optional.empty();
              }
            });
  }

  Optional<Offer> plaintext(Offer onChain) {
    if (!onChain.sealed()) {
      return Optional.empty();
    }
    return entry(onChain.commitment().orElseThrow())
        .filter(e -> e.kind() == Kind.OFFER)
        .flatMap(
            e -> {
              try {
                return Optional.of(PrivateRecords.openOffer(onChain, e.opening()));
              } catch (MismatchException x) {
                return Optional.empty();
              }
            });
  }

  // ------------------------------------------------------------------ serving (owner side)

  RecordResolution resolve(PublicKey peer, Hash commitment) {
    Optional<Entry> held = entry(commitment);
    if (held.isEmpty() || !held.get().own()) {
      return refuse("not_held", "this node holds no record of its member with that hash");
    }
    Entry e = held.get();
    String who = Address.of(peer).toText();
    try {
      byte[] record = e.opening().record().unsafeArray();
      return switch (e.kind()) {
        case REQUEST -> {
          Request r = SharingCodec.decodeRequest(record);
          Optional<SharingCase> c = ContractsEngine.sharingCase(node.state(), r.id());
          boolean onChain =
              c.map(x -> x.request().commitment().equals(Optional.of(commitment))).orElse(false);
          if (!onChain) {
            yield refuse("not_on_chain", "request " + r.id() + " is not on chain with that hash");
          }
          boolean accepted = isAcceptedProvider(c.get(), who);
          // no recipients named: every member (the peer links admit members only)
          boolean reader = e.readers().isEmpty() || e.readers().contains(who);
          yield reader || accepted
              ? new RecordResolution.Serve(Bytes.wrap(e.opening().encode()))
              : refuse("not_a_recipient", "request " + r.id() + " was not sent to " + who);
        }
        case OFFER -> {
          Offer o = SharingCodec.decodeOffer(record);
          Optional<SharingCase> c = ContractsEngine.sharingCase(node.state(), o.requestId());
          boolean requester = c.map(x -> x.request().requester().equals(who)).orElse(false);
          yield requester
              ? new RecordResolution.Serve(Bytes.wrap(e.opening().encode()))
              : refuse("not_the_requester", "offer " + o.id() + " goes to its requester only");
        }
      };
    } catch (DecodeException | IllegalArgumentException x) {
      return refuse("bad_record", String.valueOf(x.getMessage()));
    }
  }

  private static boolean isAcceptedProvider(SharingCase c, String who) {
    return c.accepted().stream()
        .anyMatch(a -> c.offer(a.offerId()).map(o -> o.provider().equals(who)).orElse(false));
  }

  private static RecordResolution refuse(String reason, String detail) {
    return new RecordResolution.Refuse(reason, detail);
  }

  // ------------------------------------------------------------------ fetching (reader side)

  /** Called after every committed block: wakes the worker (never blocks consensus). */
  void onCommitted() {
    synchronized (this) {
      notifyAll();
    }
  }

  private void work() {
    while (!closed) {
      try {
        scanNewBlocks();
        Wanted w = wanted.poll(200, TimeUnit.MILLISECONDS);
        if (w != null) {
          fetch(w);
        } else {
          synchronized (this) {
            if (scanned >= node.store().head() && !closed) {
              wait(1000); // woken by the next block; the timeout only bounds a missed wake-up
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // a store closing under us at shutdown, or one malformed record: log and carry on
        if (!closed) {
          LOG.warn("private records: {}", e.toString());
        }
      }
    }
  }

  private void scanNewBlocks() {
    long head = node.store().head();
    for (long h = scanned + 1; h <= head; h++) {
      var block = node.store().block(h);
      if (block.isPresent()) {
        for (Transaction tx : block.get().block().transactions()) {
          consider(tx);
        }
      }
      scanned = h;
    }
  }

  private void consider(Transaction tx) {
    if (tx.sender().equals(node.key().publicKey())) {
      return;
    }
    Lifecycle life;
    try {
      if (tx.kind() == TxKind.SUBMIT_REQUEST.code()) {
        life = Lifecycle.decode(TxKind.SUBMIT_REQUEST, tx.payload());
      } else if (tx.kind() == TxKind.SUBMIT_OFFER.code()) {
        life = Lifecycle.decode(TxKind.SUBMIT_OFFER, tx.payload());
      } else {
        return;
      }
    } catch (DecodeException | IllegalArgumentException e) {
      return; // refused by the ledger as well
    }
    Wanted w =
        switch (life) {
          case Lifecycle.SubmitRequest t when t.request().sealed() ->
              new Wanted(
                  Kind.REQUEST,
                  t.request().id(),
                  "",
                  t.request().commitment().get(),
                  tx.sender(),
                  System.nanoTime());
          case Lifecycle.SubmitOffer t when t.offer().sealed() && forMe(t.offer()) ->
              new Wanted(
                  Kind.OFFER,
                  t.offer().requestId(),
                  t.offer().id(),
                  t.offer().commitment().get(),
                  tx.sender(),
                  System.nanoTime());
          default -> null;
        };
    if (w != null && entry(w.commitment()).isEmpty()) {
      if (wanted.size() < WANTED_MAX) {
        wanted.add(w);
      } else {
        LOG.warn("private records: over {} waiting; {} skipped", WANTED_MAX, w.commitment());
      }
    }
  }

  private boolean forMe(Offer o) {
    return ContractsEngine.sharingCase(node.state(), o.requestId())
        .map(c -> c.request().requester().equals(self))
        .orElse(false);
  }

  private void fetch(Wanted w) throws InterruptedException {
    if (givenUp.contains(w.commitment()) || entry(w.commitment()).isPresent()) {
      return;
    }
    Optional<SharingCase> c = ContractsEngine.sharingCase(node.state(), w.requestId());
    try {
      byte[] bytes =
          transfer.fetchRecord(w.owner(), w.commitment(), FETCH_LIMITS, b -> opens(w, c, b));
      Entry e = new Entry(w.kind(), Opening.decode(bytes), List.of(), false);
      node.store().resources().putLocal(name(w.commitment()), e.encode());
      LOG.info(
          "fetched the private record of {} {}",
          w.kind().name().toLowerCase(Locale.ROOT),
          w.kind() == Kind.REQUEST ? w.requestId() : w.offerId());
    } catch (FetchException e) {
      boolean refusedForGood =
          e.reason() == FetchException.Reason.REFUSED
              && FINAL_REFUSALS.stream().anyMatch(r -> e.getMessage().contains(r));
      boolean retry =
          !refusedForGood
              && e.reason() != FetchException.Reason.HASH_MISMATCH
              && attempts.merge(w.commitment(), 1, Integer::sum) < FETCH_ATTEMPTS_MAX;
      if (retry) {
        wanted.add(w.later(RETRY_AFTER));
      } else {
        givenUp.add(w.commitment());
        LOG.info("private record {} not fetched: {}", w.commitment().shortHex(), e.getMessage());
      }
    }
  }

  /** SPEC M-18: the record must open the commitment of the sealed record on chain. */
  private static boolean opens(Wanted w, Optional<SharingCase> c, byte[] bytes) {
    if (c.isEmpty()) {
      return false;
    }
    try {
      Opening opening = Opening.decode(bytes);
      if (w.kind() == Kind.REQUEST) {
        PrivateRecords.openRequest(c.get().request(), opening);
      } else {
        Offer onChain = c.get().offer(w.offerId()).orElse(null);
        if (onChain == null) {
          return false;
        }
        PrivateRecords.openOffer(onChain, opening);
      }
      return true;
    } catch (MismatchException | DecodeException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    try {
      worker.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
