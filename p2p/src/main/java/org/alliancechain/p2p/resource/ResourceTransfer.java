package org.alliancechain.p2p.resource;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.store.ResourceStore;
import org.alliancechain.core.store.StoreException;
import org.alliancechain.core.store.StoreLimits;
import org.alliancechain.p2p.ChannelMux;
import org.alliancechain.p2p.MessageHandler;
import org.alliancechain.p2p.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves off-chain resources between members' nodes over the RESOURCE channel (SPEC M-18). The
 * receiver pulls one chunk at a time and checks the whole against the hash and size bound on chain
 * before the resource exists in its store; the provider serves only what its {@link Resolver}
 * allows (parties of the contract, a resource bound on chain). At most one chunk per fetch is in
 * memory on either side.
 */
public final class ResourceTransfer implements MessageHandler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceTransfer.class);

  /** Chunk requests waiting to be served; more are refused as busy. */
  public static final int SERVE_QUEUE_MAX = 64;

  /** Sends bytes on the RESOURCE channel to a peer (the frame byte is added here). */
  @FunctionalInterface
  public interface Sender {
    SendResult send(PublicKey peer, byte[] channelFrame);
  }

  /** Decides, on the provider's node, what a requester may have. */
  @FunctionalInterface
  public interface Resolver {
    Resolution resolve(PublicKey requester, String contractId, int period, Hash onChainHash);
  }

  /**
   * Decides, on the owner's node, whether a requester may have the private record committed to
   * {@code commitment} (SPEC M-18): its opening's bytes, or a refusal.
   */
  @FunctionalInterface
  public interface RecordResolver {
    RecordResolution resolve(PublicKey requester, Hash commitment);
  }

  public sealed interface RecordResolution {
    record Serve(org.alliancechain.core.Bytes opening) implements RecordResolution {}

    record Refuse(String reason, String detail) implements RecordResolution {}
  }

  private static final RecordResolver NO_RECORDS =
      (who, c) -> new RecordResolution.Refuse("not_held", "this node holds no private records");

  /** Serve the local resource {@code hash}, or refuse. */
  public sealed interface Resolution {
    record Serve(Hash hash) implements Resolution {}

    record Refuse(String reason, String detail) implements Resolution {}
  }

  /** How long to wait for each chunk and how often to ask again. */
  public record FetchLimits(Duration chunkTimeout, int attemptsPerChunk) {}

  private final Sender sender;
  private final ResourceStore store;
  private final Resolver resolver;
  private final RecordResolver recordResolver;
  private final ThreadPoolExecutor serving;
  private final AtomicLong nextRequestId = new AtomicLong(1);
  private final ConcurrentHashMap<Long, CompletableFuture<ResourceMessage>> pending =
      new ConcurrentHashMap<>();

  public ResourceTransfer(Sender sender, ResourceStore store, Resolver resolver) {
    this(sender, store, resolver, NO_RECORDS);
  }

  public ResourceTransfer(
      Sender sender, ResourceStore store, Resolver resolver, RecordResolver recordResolver) {
    this.sender = sender;
    this.store = store;
    this.resolver = resolver;
    this.recordResolver = recordResolver;
    this.serving =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(SERVE_QUEUE_MAX),
            r -> {
              Thread t = new Thread(r, "resource-serve");
              t.setDaemon(true);
              return t;
            });
  }

  private void send(PublicKey peer, ResourceMessage m) {
    var unused =
        sender.send(peer, ChannelMux.frame(ChannelMux.Channel.RESOURCE, ResourceMessage.encode(m)));
  }

  @Override
  public void onMessage(PublicKey peer, byte[] bytes) {
    ResourceMessage m;
    try {
      m = ResourceMessage.decode(bytes);
    } catch (DecodeException e) {
      LOG.debug("undecodable resource message from {}: {}", peer.toHex(), e.getMessage());
      return;
    }
    switch (m) {
      case ResourceMessage.Get g -> {
        try {
          serving.execute(() -> serve(peer, g));
        } catch (RejectedExecutionException e) {
          send(peer, refused(g.requestId(), "busy", "too many chunk requests queued"));
        }
      }
      case ResourceMessage.GetRecord g -> {
        try {
          serving.execute(() -> serveRecord(peer, g));
        } catch (RejectedExecutionException e) {
          send(peer, refused(g.requestId(), "busy", "too many requests queued"));
        }
      }
      case ResourceMessage.Chunk c -> complete(c);
      case ResourceMessage.Refused r -> complete(r);
      case ResourceMessage.RecordOpening r -> complete(r);
    }
  }

  private void complete(ResourceMessage m) {
    CompletableFuture<ResourceMessage> f = pending.remove(m.requestId());
    if (f != null) {
      f.complete(m);
    }
  }

  private static ResourceMessage.Refused refused(long id, String reason, String detail) {
    String d = detail.length() > 200 ? detail.substring(0, 200) : detail;
    return new ResourceMessage.Refused(id, reason, d);
  }

  private void serve(PublicKey peer, ResourceMessage.Get g) {
    ResourceMessage answer;
    try {
      answer =
          switch (resolver.resolve(peer, g.contractId(), g.period(), g.hash())) {
            case Resolution.Refuse r -> refused(g.requestId(), r.reason(), r.detail());
            case Resolution.Serve s -> chunk(g, s.hash());
          };
    } catch (StoreException e) {
      answer = refused(g.requestId(), "store", String.valueOf(e.getMessage()));
    }
    send(peer, answer);
  }

  private void serveRecord(PublicKey peer, ResourceMessage.GetRecord g) {
    ResourceMessage answer =
        switch (recordResolver.resolve(peer, g.commitment())) {
          case RecordResolution.Refuse r -> refused(g.requestId(), r.reason(), r.detail());
          case RecordResolution.Serve s ->
              s.opening().size() > ResourceMessage.RECORD_BYTES_MAX
                  ? refused(g.requestId(), "too_large", s.opening().size() + " bytes")
                  : new ResourceMessage.RecordOpening(g.requestId(), s.opening());
        };
    send(peer, answer);
  }

  /**
   * Asks {@code owner}'s node for the opening of the private record committed to {@code commitment}
   * (SPEC M-18). The answer is kept only if {@code opensCommitment} accepts it (the caller checks
   * it against the hash on chain); otherwise the fetch fails with {@code HASH_MISMATCH}.
   */
  public byte[] fetchRecord(
      PublicKey owner,
      Hash commitment,
      FetchLimits limits,
      java.util.function.Predicate<byte[]> opensCommitment)
      throws FetchException, InterruptedException {
    ResourceMessage m = ask(owner, id -> new ResourceMessage.GetRecord(id, commitment), limits);
    if (!(m instanceof ResourceMessage.RecordOpening r)) {
      throw new FetchException(FetchException.Reason.MALFORMED, "not a record answer");
    }
    byte[] opening = r.opening().toByteArray();
    if (!opensCommitment.test(opening)) {
      throw new FetchException(
          FetchException.Reason.HASH_MISMATCH,
          "the record served does not open commitment " + commitment.toHex());
    }
    return opening;
  }

  private ResourceMessage chunk(ResourceMessage.Get g, Hash local) {
    Optional<Integer> chunks = store.chunkCount(local);
    Optional<Long> size = store.sizeBytes(local);
    Optional<byte[]> bytes = store.readChunk(local, g.index());
    if (chunks.isEmpty() || size.isEmpty()) {
      return refused(g.requestId(), "not_stored", "this node does not hold the resource");
    }
    if (bytes.isEmpty()) {
      return refused(g.requestId(), "no_such_chunk", "chunk " + g.index() + " of " + chunks.get());
    }
    return new ResourceMessage.Chunk(
        g.requestId(),
        g.index(),
        chunks.get(),
        size.get(),
        org.alliancechain.core.Bytes.wrap(bytes.get()));
  }

  /**
   * Fetches the resource bound to {@code contractId}/{@code period} from {@code provider} into the
   * local store. The resource exists locally only if every byte arrived and hashes to {@code
   * expected} with exactly {@code expectedSizeBytes}; otherwise nothing of it is kept as a
   * resource. A fetch cut short (no answer, a refusal, the node stopping) keeps the full chunks it
   * wrote, each checked against the answer's place in the stream, and the next fetch of the same
   * hash continues after them; the whole-file hash check at the end is unchanged.
   */
  public Hash fetch(
      PublicKey provider,
      String contractId,
      int period,
      Hash expected,
      long expectedSizeBytes,
      FetchLimits limits,
      LongConsumer progressBytes)
      throws FetchException, InterruptedException {
    if (store.contains(expected)) {
      return expected;
    }
    ResourceStore.Writer writer = store.resumable(FETCH_PREFIX + expected.toHex());
    boolean resumeLater = false;
    try {
      long received = writer.sizeBytes();
      int start = writer.storedChunks();
      progressBytes.accept(received);
      int count = start + 1;
      if (start > 0 && received >= expectedSizeBytes) {
        count = start; // every chunk is here; only the check is left
      }
      for (int index = start; index < count; index++) {
        ResourceMessage.Chunk c;
        try {
          c = requestChunk(provider, new Get(contractId, period, expected, index), limits);
        } catch (FetchException e) {
          resumeLater =
              e.reason() == FetchException.Reason.TIMEOUT
                  || e.reason() == FetchException.Reason.REFUSED;
          throw e;
        }
        if (c.index() != index
            || c.chunkCount() < 1
            || (index > start && c.chunkCount() != count)) {
          throw new FetchException(FetchException.Reason.MALFORMED, "unexpected chunk answer");
        }
        count = c.chunkCount();
        boolean last = index == count - 1;
        if (!last && c.bytes().size() != StoreLimits.RESOURCE_CHUNK_BYTES) {
          throw new FetchException(FetchException.Reason.MALFORMED, "short chunk " + index);
        }
        received += c.bytes().size();
        if (received > expectedSizeBytes
            || (long) count * StoreLimits.RESOURCE_CHUNK_BYTES < expectedSizeBytes) {
          throw new FetchException(
              FetchException.Reason.SIZE_MISMATCH,
              "the provider serves more or fewer bytes than the " + expectedSizeBytes + " bound");
        }
        writer.write(c.bytes().unsafeArray());
        progressBytes.accept(received);
      }
      if (received != expectedSizeBytes) {
        throw new FetchException(
            FetchException.Reason.SIZE_MISMATCH,
            "received " + received + " bytes, " + expectedSizeBytes + " bound on chain");
      }
      Hash got = writer.hashSoFar();
      if (!got.equals(expected)) {
        throw new FetchException(
            FetchException.Reason.HASH_MISMATCH,
            "the bytes served hash to "
                + got.toHex()
                + ", not "
                + expected.toHex()
                + " as bound on chain");
      }
      Hash stored = writer.finish();
      if (!stored.equals(expected)) {
        throw new AssertionError("invariant broken: store hashed " + stored + " not " + got);
      }
      return stored;
    } catch (InterruptedException e) {
      resumeLater = true; // the node is stopping: continue after a restart
      throw e;
    } catch (IOException e) {
      throw new FetchException(FetchException.Reason.STORE, String.valueOf(e.getMessage()));
    } finally {
      try {
        if (resumeLater) {
          writer.suspend();
        } else {
          writer.close(); // unfinished: discards every chunk written
        }
      } catch (IOException e) {
        LOG.warn("closing a resource fetch failed: {}", e.getMessage());
      }
    }
  }

  /** The name under which a fetch's chunks wait to be continued. */
  static final String FETCH_PREFIX = "fetch/";

  private record Get(String contractId, int period, Hash hash, int index) {}

  private ResourceMessage.Chunk requestChunk(PublicKey provider, Get get, FetchLimits limits)
      throws FetchException, InterruptedException {
    ResourceMessage m =
        ask(
            provider,
            id ->
                new ResourceMessage.Get(
                    id, get.contractId(), get.period(), get.hash(), get.index()),
            limits);
    if (!(m instanceof ResourceMessage.Chunk c)) {
      throw new FetchException(FetchException.Reason.MALFORMED, "not a chunk answer");
    }
    return c;
  }

  /**
   * Sends the request {@code question} builds (with a fresh request id) and waits for its answer,
   * asking again on timeout or a busy peer; a refusal ends it.
   */
  private ResourceMessage ask(
      PublicKey peer, java.util.function.LongFunction<ResourceMessage> question, FetchLimits limits)
      throws FetchException, InterruptedException {
    String lastProblem = "no answer";
    for (int attempt = 0; attempt < limits.attemptsPerChunk(); attempt++) {
      long id = nextRequestId.getAndIncrement();
      CompletableFuture<ResourceMessage> answer = new CompletableFuture<>();
      pending.put(id, answer);
      try {
        ResourceMessage q = question.apply(id);
        SendResult sent =
            sender.send(
                peer, ChannelMux.frame(ChannelMux.Channel.RESOURCE, ResourceMessage.encode(q)));
        if (sent != SendResult.QUEUED) {
          lastProblem = "peer " + sent.name().toLowerCase(java.util.Locale.ROOT);
        }
        ResourceMessage m = answer.get(limits.chunkTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (m instanceof ResourceMessage.Refused r) {
          if (!r.reason().equals("busy")) {
            throw new FetchException(FetchException.Reason.REFUSED, r.reason() + ": " + r.detail());
          }
          lastProblem = "peer busy";
        } else {
          return m;
        }
      } catch (TimeoutException e) {
        // ask again: links are best-effort
      } catch (ExecutionException e) {
        throw new AssertionError("invariant broken: answers complete normally", e);
      } finally {
        pending.remove(id);
      }
    }
    throw new FetchException(
        FetchException.Reason.TIMEOUT,
        "after " + limits.attemptsPerChunk() + " attempts: " + lastProblem);
  }

  @Override
  public void close() {
    serving.shutdownNow();
  }
}
