package org.alliancechain.p2p.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.store.ResourceStore;
import org.alliancechain.core.store.RocksStore;
import org.alliancechain.core.store.StoreLimits;
import org.alliancechain.p2p.ChannelMux;
import org.alliancechain.p2p.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-18: the receiver's node fetches the resource from the provider's node, checks the hash
// bound on chain and keeps nothing that does not match; one chunk at a time.
class ResourceTransferTest {
  private static final int CHUNK = StoreLimits.RESOURCE_CHUNK_BYTES;
  private static final ResourceTransfer.FetchLimits LIMITS =
      new ResourceTransfer.FetchLimits(Duration.ofSeconds(10), 2);

  @TempDir Path dir;
  private final KeyPair provider = key(1);
  private final KeyPair receiver = key(2);
  private RocksStore providerStore;
  private RocksStore receiverStore;
  private ResourceTransfer atProvider;
  private ResourceTransfer atReceiver;

  private static KeyPair key(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    return KeyPair.fromSeed(seed);
  }

  /**
   * Wires both nodes through their channel muxes; the provider serves what {@code resolver} says.
   */
  private void connect(ResourceTransfer.Resolver resolver) {
    providerStore = RocksStore.open(dir.resolve("provider"), "test-chain");
    receiverStore = RocksStore.open(dir.resolve("receiver"), "test-chain");
    ChannelMux providerMux = new ChannelMux();
    ChannelMux receiverMux = new ChannelMux();
    atProvider =
        new ResourceTransfer(
            deliverTo(receiverMux, provider.publicKey()), providerStore.resources(), resolver);
    atReceiver =
        new ResourceTransfer(
            deliverTo(providerMux, receiver.publicKey()),
            receiverStore.resources(),
            (p, c, n, h) -> new ResourceTransfer.Resolution.Refuse("not_provider", "receiver"));
    providerMux.register(ChannelMux.Channel.RESOURCE, atProvider);
    receiverMux.register(ChannelMux.Channel.RESOURCE, atReceiver);
  }

  private static ResourceTransfer.Sender deliverTo(ChannelMux mux, PublicKey from) {
    return (peer, frame) -> {
      mux.onMessage(from, frame);
      return SendResult.QUEUED;
    };
  }

  @AfterEach
  void close() {
    for (AutoCloseable c : new AutoCloseable[] {atProvider, atReceiver}) {
      if (c != null) {
        ((ResourceTransfer) c).close();
      }
    }
    if (providerStore != null) {
      providerStore.close();
    }
    if (receiverStore != null) {
      receiverStore.close();
    }
  }

  private static byte[] content(long seed, int size) {
    System.out.println("resourceTransfer.seed=" + seed);
    byte[] bytes = new byte[size];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  private static Hash store(ResourceStore store, byte[] bytes) throws IOException {
    try (ResourceStore.Writer w = store.newResource()) {
      w.write(bytes);
      return w.finish();
    }
  }

  private static byte[] read(ResourceStore store, Hash hash) throws IOException {
    try (InputStream in = store.open(hash).orElseThrow()) {
      return in.readAllBytes();
    }
  }

  private static ResourceTransfer.Resolver serving(Function<Hash, Hash> local) {
    return (who, contract, period, onChain) ->
        new ResourceTransfer.Resolution.Serve(local.apply(onChain));
  }

  @Test
  void aMultiChunkResourceArrivesWholeAndIsStoredUnderItsHash() throws Exception {
    long seed = Long.getLong("resourceTransfer.seed", System.nanoTime());
    byte[] bytes = content(seed, 3 * CHUNK + 1234);
    connect(serving(h -> h));
    Hash hash = store(providerStore.resources(), bytes);
    AtomicLong progress = new AtomicLong();
    Hash got =
        atReceiver.fetch(provider.publicKey(), "c-1", 0, hash, bytes.length, LIMITS, progress::set);
    assertThat(got).isEqualTo(hash);
    assertThat(progress.get()).isEqualTo(bytes.length);
    assertThat(receiverStore.resources().chunkCount(hash)).contains(4);
    assertThat(read(receiverStore.resources(), hash)).isEqualTo(bytes);
  }

  @Test
  void bytesThatDoNotMatchTheOnChainHashAreRefusedAndNothingIsKept() throws Exception {
    byte[] served = content(7, CHUNK + 10);
    byte[] bound = served.clone();
    bound[CHUNK + 3] ^= 1; // what the provider put on chain differs in one bit
    Hash onChain = Sha256.hash(bound);
    connect(serving(h -> Sha256.hash(served)));
    store(providerStore.resources(), served);
    assertThatThrownBy(
            () ->
                atReceiver.fetch(
                    provider.publicKey(), "c-1", 0, onChain, bound.length, LIMITS, n -> {}))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.HASH_MISMATCH))
        .hasMessageContaining(onChain.toHex());
    assertThat(receiverStore.resources().contains(onChain)).isFalse();
    assertThat(receiverStore.resources().contains(Sha256.hash(served))).isFalse();
  }

  @Test
  void aProviderServingMoreBytesThanBoundIsStoppedAtTheBound() throws Exception {
    byte[] served = content(8, 2 * CHUNK + 1);
    connect(serving(h -> Sha256.hash(served)));
    store(providerStore.resources(), served);
    Hash claimed = Sha256.hash(new byte[10]);
    assertThatThrownBy(
            () -> atReceiver.fetch(provider.publicKey(), "c-1", 0, claimed, 10, LIMITS, n -> {}))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.SIZE_MISMATCH));
  }

  @Test
  void aRefusalFromTheProviderCarriesItsReason() throws Exception {
    connect((who, c, p, h) -> new ResourceTransfer.Resolution.Refuse("not_a_party", "no"));
    assertThatThrownBy(
            () ->
                atReceiver.fetch(
                    provider.publicKey(), "c-1", 0, Sha256.hash(new byte[1]), 1, LIMITS, n -> {}))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.REFUSED))
        .hasMessageContaining("not_a_party");
  }

  @Test
  void messagesRoundTripThroughTheirCodec() {
    ResourceMessage.Get g = new ResourceMessage.Get(5, "c-1", 2, Sha256.hash(new byte[] {1}), 3);
    assertThat(ResourceMessage.decode(ResourceMessage.encode(g))).isEqualTo(g);
    ResourceMessage.Refused r = new ResourceMessage.Refused(6, "busy", "later");
    assertThat(ResourceMessage.decode(ResourceMessage.encode(r))).isEqualTo(r);
    ResourceMessage.Chunk c =
        new ResourceMessage.Chunk(
            7, 1, 2, 300, org.alliancechain.core.Bytes.wrap(new byte[] {9, 8}));
    ResourceMessage.Chunk back =
        (ResourceMessage.Chunk) ResourceMessage.decode(ResourceMessage.encode(c));
    assertThat(back.bytes().toByteArray()).containsExactly(9, 8);
    assertThat(back.sizeBytes()).isEqualTo(300);
  }

  // SPEC M-18, competitive: a private record is served only to whom its owner's node allows, and
  // the requester keeps it only if it opens the commitment on chain.
  private void connectRecords(ResourceTransfer.RecordResolver records) {
    providerStore = RocksStore.open(dir.resolve("owner"), "test-chain");
    receiverStore = RocksStore.open(dir.resolve("asker"), "test-chain");
    ChannelMux ownerMux = new ChannelMux();
    ChannelMux askerMux = new ChannelMux();
    ResourceTransfer.Resolver none =
        (p, c, n, h) -> new ResourceTransfer.Resolution.Refuse("not_provider", "none");
    atProvider =
        new ResourceTransfer(
            deliverTo(askerMux, provider.publicKey()), providerStore.resources(), none, records);
    atReceiver =
        new ResourceTransfer(
            deliverTo(ownerMux, receiver.publicKey()), receiverStore.resources(), none);
    ownerMux.register(ChannelMux.Channel.RESOURCE, atProvider);
    askerMux.register(ChannelMux.Channel.RESOURCE, atReceiver);
  }

  @Test
  void aPrivateRecordIsServedToAnAuthorisedPeerAndCheckedAgainstItsCommitment() throws Exception {
    byte[] opening = "record and salt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Hash commitment = Sha256.hash(opening);
    java.util.List<PublicKey> asked = new java.util.ArrayList<>();
    connectRecords(
        (who, c) -> {
          asked.add(who);
          return c.equals(commitment)
              ? new ResourceTransfer.RecordResolution.Serve(
                  org.alliancechain.core.Bytes.of(opening))
              : new ResourceTransfer.RecordResolution.Refuse("unknown_record", c.toHex());
        });
    byte[] got =
        atReceiver.fetchRecord(
            provider.publicKey(), commitment, LIMITS, b -> Sha256.hash(b).equals(commitment));
    assertThat(got).isEqualTo(opening);
    // the owner's node decided with the authenticated peer's key
    assertThat(asked).containsExactly(receiver.publicKey());
  }

  @Test
  void aRecordNotOpeningItsCommitmentIsRefusedByTheRequester() {
    byte[] forged = "another record".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Hash commitment =
        Sha256.hash("the real record".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    connectRecords(
        (who, c) ->
            new ResourceTransfer.RecordResolution.Serve(org.alliancechain.core.Bytes.of(forged)));
    assertThatThrownBy(
            () ->
                atReceiver.fetchRecord(
                    provider.publicKey(),
                    commitment,
                    LIMITS,
                    b -> Sha256.hash(b).equals(commitment)))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.HASH_MISMATCH));
  }

  @Test
  void anUnauthorisedPeerIsRefusedThePrivateRecord() {
    Hash commitment = Sha256.hash(new byte[] {1});
    PublicKey allowed = key(3).publicKey();
    connectRecords(
        (who, c) ->
            who.equals(allowed)
                ? new ResourceTransfer.RecordResolution.Serve(
                    org.alliancechain.core.Bytes.of(new byte[] {1}))
                : new ResourceTransfer.RecordResolution.Refuse(
                    "not_authorised", "not a recipient"));
    assertThatThrownBy(
            () -> atReceiver.fetchRecord(provider.publicKey(), commitment, LIMITS, b -> true))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(FetchException.Reason.REFUSED);
              assertThat(e.getMessage()).contains("not_authorised");
            });
  }

  // Issue 5: a fetch cut short continues after the chunks it wrote, across a restart of the
  // receiver's store; the whole-file hash is still checked.
  @Test
  void aFetchCutShortResumesAfterItsStoredChunksEvenAfterARestart() throws Exception {
    long seed = Long.getLong("resourceTransfer.seed", System.nanoTime());
    byte[] bytes = content(seed, 3 * CHUNK + 17);
    providerStore = RocksStore.open(dir.resolve("provider"), "test-chain");
    Hash hash = store(providerStore.resources(), bytes);
    java.util.List<Integer> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean cut =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    ChannelMux providerMux = new ChannelMux();
    var receiverSide = new java.util.concurrent.atomic.AtomicReference<>(new ChannelMux());
    atProvider =
        new ResourceTransfer(
            (peer, frame) -> {
              receiverSide.get().onMessage(provider.publicKey(), frame);
              return SendResult.QUEUED;
            },
            providerStore.resources(),
            serving(h -> h));
    providerMux.register(ChannelMux.Channel.RESOURCE, atProvider);
    // the link to the provider drops every request for chunk 2 while cut
    ResourceTransfer.Sender toProvider =
        (peer, frame) -> {
          var m = ResourceMessage.decode(java.util.Arrays.copyOfRange(frame, 1, frame.length));
          if (m instanceof ResourceMessage.Get g) {
            asked.add(g.index());
            if (cut.get() && g.index() == 2) {
              return SendResult.QUEUED;
            }
          }
          providerMux.onMessage(receiver.publicKey(), frame);
          return SendResult.QUEUED;
        };
    ResourceTransfer.Resolver none =
        (p, c, n, h) -> new ResourceTransfer.Resolution.Refuse("not_provider", "receiver");
    var quick = new ResourceTransfer.FetchLimits(Duration.ofMillis(300), 1);
    receiverStore = RocksStore.open(dir.resolve("receiver"), "test-chain");
    atReceiver = new ResourceTransfer(toProvider, receiverStore.resources(), none);
    receiverSide.get().register(ChannelMux.Channel.RESOURCE, atReceiver);
    assertThatThrownBy(
            () ->
                atReceiver.fetch(provider.publicKey(), "c", 0, hash, bytes.length, quick, n -> {}))
        .isInstanceOfSatisfying(
            FetchException.class,
            e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.TIMEOUT));
    assertThat(receiverStore.resources().contains(hash)).isFalse();
    // the receiver's node restarts
    atReceiver.close();
    receiverStore.close();
    receiverStore = RocksStore.open(dir.resolve("receiver"), "test-chain");
    atReceiver = new ResourceTransfer(toProvider, receiverStore.resources(), none);
    ChannelMux reopened = new ChannelMux();
    reopened.register(ChannelMux.Channel.RESOURCE, atReceiver);
    receiverSide.set(reopened);
    cut.set(false);
    asked.clear();
    AtomicLong firstProgress = new AtomicLong(-1);
    Hash got =
        atReceiver.fetch(
            provider.publicKey(),
            "c",
            0,
            hash,
            bytes.length,
            LIMITS,
            n -> firstProgress.compareAndSet(-1, n));
    assertThat(got).isEqualTo(hash);
    assertThat(asked).containsExactly(2, 3); // chunks 0 and 1 were not asked again
    assertThat(firstProgress.get()).isEqualTo(2L * CHUNK);
    assertThat(read(receiverStore.resources(), hash)).isEqualTo(bytes);
  }
}
