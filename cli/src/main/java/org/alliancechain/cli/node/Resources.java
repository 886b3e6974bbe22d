package org.alliancechain.cli.node;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.contracts.lang.ContractParser;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.xml.ContractException;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.store.ResourceStore;
import org.alliancechain.core.store.StoreLimits;
import org.alliancechain.p2p.ChannelMux;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.resource.FetchException;
import org.alliancechain.p2p.resource.ResourceTransfer;
import org.alliancechain.token.engine.ContractsEngine;
import org.alliancechain.token.engine.ResourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's side of off-chain resources (SPEC M-18): uploads from its own member's CLI into the
 * resource store, chunk by chunk; serving them to the parties of the contract they are bound to;
 * fetching, for its member as receiver, the resource bound on chain from the provider's node. The
 * bytes never sit whole in memory.
 */
public final class Resources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Resources.class);
  public static final int UPLOADS_OPEN_MAX = 8;
  public static final Duration UPLOAD_IDLE_MAX = Duration.ofMinutes(10);
  public static final int FETCHES_RUNNING_MAX = 2;
  public static final int FETCHES_QUEUED_MAX = 16;
  public static final int FETCHES_REMEMBERED_MAX = 256;
  public static final ResourceTransfer.FetchLimits FETCH_LIMITS =
      new ResourceTransfer.FetchLimits(Duration.ofSeconds(15), 4);

  private final Node node;
  private final String self;
  private final ResourceTransfer transfer;
  private final AtomicLong nextUpload = new AtomicLong(1);
  private final Map<Long, Upload> uploads = new LinkedHashMap<>();

  /** What this node serves for contract/period when it differs from nothing: its own upload. */
  private final ConcurrentHashMap<String, Hash> uploadedFor = new ConcurrentHashMap<>();

  private final Map<String, Fetch> fetches =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fetch> eldest) {
          return size() > FETCHES_REMEMBERED_MAX && !eldest.getValue().state.equals("running");
        }
      };

  private final ThreadPoolExecutor fetching =
      new ThreadPoolExecutor(
          FETCHES_RUNNING_MAX,
          FETCHES_RUNNING_MAX,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(FETCHES_QUEUED_MAX),
          r -> {
            Thread t = new Thread(r, "resource-fetch");
            t.setDaemon(true);
            return t;
          });

  Resources(Node node) {
    this.node = node;
    // the member's ledger address, also after a DAO key rotation (issue #4)
    this.self =
        Address.of(
                new org.alliancechain.token.TokenQueries(node.state())
                    .memberOf(node.key().publicKey()))
            .toText();
    this.transfer =
        new ResourceTransfer(
            (peer, frame) -> node.network().send(peer, frame),
            node.store().resources(),
            this::resolve);
    node.mux().register(ChannelMux.Channel.RESOURCE, transfer);
  }

  private ResourceStore store() {
    return node.store().resources();
  }

  // ------------------------------------------------------------------ uploads

  private static final class Upload {
    final ResourceStore.Writer writer;
    final String contractId;
    final int period;
    long nextIndex;
    long sizeBytes;
    long lastUsedNanos = System.nanoTime();

    Upload(ResourceStore.Writer writer, String contractId, int period) {
      this.writer = writer;
      this.contractId = contractId;
      this.period = period;
    }
  }

  public record UploadView(long upload, long nextIndex, long sizeBytes) {}

  public record StoredView(String hash, long sizeBytes, int chunks) {}

  synchronized UploadView startUpload(Optional<String> contractId, int period) {
    expireIdleUploads();
    if (uploads.size() >= UPLOADS_OPEN_MAX) {
      throw new ApiException(
          503, "too_many_uploads", UPLOADS_OPEN_MAX + " uploads already open", Optional.empty());
    }
    long id = nextUpload.getAndIncrement();
    uploads.put(id, new Upload(store().newResource(), contractId.orElse(""), period));
    return new UploadView(id, 0, 0);
  }

  private void expireIdleUploads() {
    long now = System.nanoTime();
    var it = uploads.entrySet().iterator();
    while (it.hasNext()) {
      Upload u = it.next().getValue();
      if (now - u.lastUsedNanos > UPLOAD_IDLE_MAX.toNanos()) {
        discard(u);
        it.remove();
      }
    }
  }

  private static void discard(Upload u) {
    try {
      u.writer.close();
    } catch (IOException e) {
      LOG.warn("discarding an abandoned upload failed: {}", e.getMessage());
    }
  }

  private synchronized Upload upload(long id) {
    Upload u = uploads.get(id);
    if (u == null) {
      throw ApiException.notFound("no open upload " + id);
    }
    u.lastUsedNanos = System.nanoTime();
    return u;
  }

  /** Appends chunk {@code index}; a repeated index (a retried request) is refused, not doubled. */
  UploadView appendChunk(long id, long index, byte[] bytes) {
    Upload u = upload(id);
    synchronized (u) {
      if (index != u.nextIndex) {
        throw new ApiException(
            409,
            "wrong_chunk",
            "expected chunk " + u.nextIndex + ", got " + index,
            Optional.of("index"));
      }
      if (bytes.length == 0 || bytes.length > StoreLimits.RESOURCE_CHUNK_BYTES) {
        throw ApiException.badRequest(
            "bad_chunk", "1 to " + StoreLimits.RESOURCE_CHUNK_BYTES + " bytes per chunk", "body");
      }
      try {
        u.writer.write(bytes);
      } catch (IOException e) {
        throw new ApiException(507, "store_failed", e.getMessage(), Optional.empty());
      }
      u.nextIndex++;
      u.sizeBytes += bytes.length;
      return new UploadView(id, u.nextIndex, u.sizeBytes);
    }
  }

  StoredView finishUpload(long id) {
    Upload u = upload(id);
    synchronized (this) {
      uploads.remove(id);
    }
    Hash hash;
    synchronized (u) {
      if (u.sizeBytes == 0) {
        discard(u);
        throw ApiException.badRequest("empty_resource", "a resource has at least one byte", "body");
      }
      try {
        hash = u.writer.finish();
      } catch (IOException e) {
        throw new ApiException(507, "store_failed", e.getMessage(), Optional.empty());
      }
    }
    if (!u.contractId.isEmpty()) {
      uploadedFor.put(u.contractId + "/" + u.period, hash);
    }
    LOG.info("stored resource {} ({} bytes)", hash.shortHex(), u.sizeBytes);
    return stored(hash).orElseThrow();
  }

  Optional<StoredView> stored(Hash hash) {
    return store()
        .sizeBytes(hash)
        .map(size -> new StoredView(hash.toHex(), size, store().chunkCount(hash).orElse(0)));
  }

  byte[] chunk(Hash hash, int index) {
    return store()
        .readChunk(hash, index)
        .orElseThrow(() -> ApiException.notFound("no chunk " + index + " of " + hash.toHex()));
  }

  // ------------------------------------------------------------------ serving (provider side)

  private ResourceTransfer.Resolution resolve(
      PublicKey requester, String contractId, int period, Hash onChainHash) {
    Optional<ResourceRecord> bound = ContractsEngine.resource(node.state(), contractId, period);
    if (bound.isEmpty()) {
      return refuse("not_bound", "no resource bound to " + contractId + " period " + period);
    }
    ResourceRecord r = bound.get();
    if (!r.provider().equals(self)) {
      return refuse("not_provider", "this node's member did not bind it");
    }
    if (!r.hash().equals(onChainHash)) {
      return refuse("hash_changed", "bound on chain now: " + r.hash().toHex());
    }
    List<String> signers = signers(contractId);
    String who = Address.of(requester).toText();
    if (!signers.contains(who)) {
      return refuse("not_a_party", "only the parties of " + contractId + " may fetch it");
    }
    if (r.encrypted() && !who.equals(signers.get(signers.size() - 1))) {
      return refuse("not_receiver", "an encrypted resource goes to the receiver only");
    }
    Hash local = uploadedFor.getOrDefault(contractId + "/" + period, r.hash());
    return store().contains(local)
        ? new ResourceTransfer.Resolution.Serve(local)
        : refuse("not_stored", "the provider's node does not hold it");
  }

  private static ResourceTransfer.Resolution refuse(String reason, String detail) {
    return new ResourceTransfer.Resolution.Refuse(reason, detail);
  }

  private List<String> signers(String contractId) {
    try {
      return ContractsEngine.document(node.state(), contractId)
          .map(d -> ContractParser.parseBound(d, AddressRule.NODE_CORE).signers())
          .orElse(List.of());
    } catch (ContractException | IllegalArgumentException e) {
      return List.of(); // the ledger stored it, so it parsed then
    }
  }

  // ------------------------------------------------------------------ fetching (receiver side)

  /** A fetch's progress: running, done (stored, hash checked) or failed (nothing kept). */
  public record FetchView(
      String contractId,
      int period,
      String hash,
      long sizeBytes,
      boolean encrypted,
      String provider,
      String state,
      long receivedBytes,
      String error) {}

  private static final class Fetch {
    final ResourceRecord record;
    volatile String state = "running";
    volatile long received;
    volatile String error;

    Fetch(ResourceRecord record) {
      this.record = record;
    }

    FetchView view() {
      return new FetchView(
          record.contractId(),
          record.period(),
          record.hash().toHex(),
          record.sizeBytes(),
          record.encrypted(),
          record.provider(),
          state,
          received,
          error);
    }
  }

  synchronized FetchView startFetch(String contractId, int period) {
    ResourceRecord r =
        ContractsEngine.resource(node.state(), contractId, period)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no resource bound to "
                            + contractId
                            + " period "
                            + period
                            + " (has the provider uploaded it?)"));
    String key = contractId + "/" + period;
    Fetch existing = fetches.get(key);
    if (existing != null
        && existing.record.hash().equals(r.hash())
        && !existing.state.equals("failed")) {
      return existing.view();
    }
    Fetch f = new Fetch(r);
    fetches.put(key, f);
    if (store().contains(r.hash())) {
      f.received = r.sizeBytes();
      f.state = "done";
      return f.view();
    }
    PublicKey provider = memberKey(r.provider());
    try {
      fetching.execute(() -> run(f, provider));
    } catch (RejectedExecutionException e) {
      fetches.remove(key);
      throw new ApiException(503, "busy", "too many fetches queued", Optional.empty());
    }
    return f.view();
  }

  private PublicKey memberKey(String address) {
    for (GenesisMember m : node.members()) {
      if (Address.of(m.publicKey()).toText().equals(address)) {
        // the key its node uses now (issue #4: the DAO may have rotated it)
        return new org.alliancechain.token.TokenQueries(node.state()).keyInForce(m.publicKey());
      }
    }
    throw new ApiException(
        409, "unknown_provider", "no member with address " + address, Optional.empty());
  }

  private void run(Fetch f, PublicKey provider) {
    ResourceRecord r = f.record;
    try {
      transfer.fetch(
          provider,
          r.contractId(),
          r.period(),
          r.hash(),
          r.sizeBytes(),
          FETCH_LIMITS,
          n -> f.received = n);
      f.state = "done";
      LOG.info(
          "fetched resource {} of {} period {}", r.hash().shortHex(), r.contractId(), r.period());
    } catch (FetchException e) {
      f.error = e.getMessage();
      f.state = "failed";
      LOG.warn("fetching {} period {} failed: {}", r.contractId(), r.period(), e.getMessage());
    } catch (InterruptedException e) {
      f.error = "interrupted";
      f.state = "failed";
      Thread.currentThread().interrupt();
    }
  }

  synchronized FetchView fetchStatus(String contractId, int period) {
    Fetch f = fetches.get(contractId + "/" + period);
    if (f == null) {
      throw ApiException.notFound("no fetch of " + contractId + " period " + period);
    }
    return f.view();
  }

  // ------------------------------------------------------------------ on-chain bindings

  public record BoundView(
      int period,
      String hash,
      long sizeBytes,
      boolean encrypted,
      String provider,
      String providerMember,
      long boundHeight,
      boolean heldHere) {}

  public record ContractResources(
      String contractId,
      String receiver,
      String receiverKey,
      List<String> providers,
      List<BoundView> resources) {}

  ContractResources contractResources(String contractId) {
    List<String> signers = signers(contractId);
    if (signers.isEmpty()) {
      throw ApiException.notFound("no contract " + contractId);
    }
    String receiver = signers.get(signers.size() - 1);
    String receiverKey = "";
    Map<String, String> names = new LinkedHashMap<>();
    for (GenesisMember m : node.members()) {
      String a = Address.of(m.publicKey()).toText();
      names.put(a, m.name());
      if (a.equals(receiver)) {
        receiverKey =
            new org.alliancechain.token.TokenQueries(node.state())
                .keyInForce(m.publicKey())
                .toHex();
      }
    }
    List<BoundView> out = new ArrayList<>();
    for (ResourceRecord r : ContractsEngine.resources(node.state(), contractId)) {
      out.add(
          new BoundView(
              r.period(),
              r.hash().toHex(),
              r.sizeBytes(),
              r.encrypted(),
              r.provider(),
              names.getOrDefault(r.provider(), ""),
              r.boundHeight(),
              store().contains(r.hash())));
    }
    return new ContractResources(
        contractId, receiver, receiverKey, signers.subList(0, signers.size() - 1), out);
  }

  @Override
  public void close() {
    fetching.shutdownNow();
    try {
      // a fetch interrupted mid-way discards its chunks; let it, before the store closes
      if (!fetching.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("a resource fetch did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    transfer.close();
    synchronized (this) {
      uploads.values().forEach(Resources::discard);
      uploads.clear();
    }
  }
}
