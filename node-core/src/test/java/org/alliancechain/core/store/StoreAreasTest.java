package org.alliancechain.core.store;

import static org.alliancechain.core.exec.KvApp.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.exec.ChainFixture;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.state.StateVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

// SPEC M-27 (persisted consensus log), M-18 (content-addressed resources), M-28.
class StoreAreasTest {
  private final ChainFixture chain = new ChainFixture();
  @TempDir Path dir;

  @Test
  void consensusAreaPutsDeletesBatchesAndScansDurably() {
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      ConsensusArea log = store.consensus();
      log.put(text("view"), text("7"));
      log.write(
          new ConsensusBatch()
              .put(text("msg/001"), text("a"))
              .put(text("msg/002"), text("b"))
              .put(text("msg/003"), text("c"))
              .delete(text("view")));
      log.write(new ConsensusBatch().deleteRange(text("msg/001"), text("msg/002")));
      assertThat(log.get(text("view"))).isEmpty();
      assertThat(log.scan(text("msg/"), 10))
          .containsExactly(
              new ConsensusArea.Entry(text("msg/002"), text("b")),
              new ConsensusArea.Entry(text("msg/003"), text("c")));
      assertThat(log.scan(text("msg/"), 1)).hasSize(1);
    }
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      assertThat(store.consensus().get(text("msg/003"))).contains(text("c"));
      assertThatThrownBy(() -> store.consensus().put(Bytes.EMPTY, text("x")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void resourcesStreamInAndOutInChunksAndAreAddressedByTheirSha256() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    byte[] content = new byte[3 * StoreLimits.RESOURCE_CHUNK_BYTES + 12_345];
    random.nextBytes(content);
    Hash expected = Sha256.hash(content);
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      ResourceStore resources = store.resources();
      Hash stored;
      try (ResourceStore.Writer writer = resources.newResource()) {
        for (int offset = 0; offset < content.length; offset += 10_000) {
          writer.write(content, offset, Math.min(10_000, content.length - offset));
        }
        stored = writer.finish();
      }
      assertThat(stored).isEqualTo(expected);
      assertThat(resources.sizeBytes(expected)).contains((long) content.length);
      assertThat(readAll(resources.open(expected).orElseThrow())).isEqualTo(content);
      // Chunk by chunk (what a peer is served): every chunk full but the last.
      assertThat(resources.chunkCount(expected)).contains(4);
      java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < 4; i++) {
        byte[] chunk = resources.readChunk(expected, i).orElseThrow();
        assertThat(chunk.length).isEqualTo(i < 3 ? StoreLimits.RESOURCE_CHUNK_BYTES : 12_345);
        joined.write(chunk);
      }
      assertThat(joined.toByteArray()).isEqualTo(content);
      assertThat(resources.readChunk(expected, 4)).isEmpty();
      assertThat(resources.readChunk(expected, -1)).isEmpty();
      // The same bytes again: one copy is kept.
      try (ResourceStore.Writer writer = resources.newResource()) {
        writer.write(content);
        assertThat(writer.finish()).isEqualTo(expected);
      }
      assertThat(chunkKeys(store)).isEqualTo(4);
      assertThat(resources.delete(expected)).isTrue();
      assertThat(resources.open(expected)).isEmpty();
      assertThat(chunkKeys(store)).isZero();
    }
  }

  @Test
  void uploadsCutShortLeaveNothingBehind() throws IOException {
    byte[] content = new byte[2 * StoreLimits.RESOURCE_CHUNK_BYTES + 1];
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      try (ResourceStore.Writer abandoned = store.resources().newResource()) {
        abandoned.write(content);
      }
      assertThat(chunkKeys(store)).isZero();
      // An upload still open when the store closes, as when the process dies mid-upload.
      ResourceStore.Writer interrupted = store.resources().newResource();
      interrupted.write(content);
      assertThat(chunkKeys(store)).isEqualTo(2);
    }
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      assertThat(chunkKeys(store)).isZero();
      assertThat(store.resources().contains(Sha256.hash(content))).isFalse();
    }
  }

  // Issue 5: an upload or fetch cut short by a restart continues after its stored full chunks.
  @Test
  void aResumableUploadContinuesAfterARestartAndHashesTheWhole() throws IOException {
    byte[] content = new byte[3 * StoreLimits.RESOURCE_CHUNK_BYTES + 99];
    new java.util.SplittableRandom(5).nextBytes(content);
    int firstPart = 2 * StoreLimits.RESOURCE_CHUNK_BYTES + 7; // the 7 bytes are not stored yet
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      ResourceStore.Writer w = store.resources().resumable("upload/1");
      w.write(content, 0, firstPart);
      // the process dies here: the writer is never finished, suspended or closed
    }
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      assertThat(store.resources().hasResumable("upload/1")).isTrue();
      ResourceStore.Writer w = store.resources().resumable("upload/1");
      assertThat(w.storedChunks()).isEqualTo(2);
      assertThat(w.sizeBytes()).isEqualTo(2L * StoreLimits.RESOURCE_CHUNK_BYTES);
      int from = (int) w.sizeBytes();
      w.write(content, from, content.length - from);
      assertThat(w.finish()).isEqualTo(Sha256.hash(content));
      assertThat(readAll(store.resources().open(Sha256.hash(content)).orElseThrow()))
          .isEqualTo(content);
      assertThat(store.resources().hasResumable("upload/1")).isFalse();
      // a fresh writer of the same name starts from nothing
      assertThat(store.resources().resumable("upload/1").storedChunks()).isZero();
    }
  }

  @Test
  void localRecordsAreKeptAcrossRestartsAndListedByPrefix() {
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      store.resources().putLocal("a/2", new byte[] {2});
      store.resources().putLocal("a/1", new byte[] {1});
      store.resources().putLocal("b/1", new byte[] {3});
    }
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      var listed = store.resources().localRecords("a/", 10);
      assertThat(listed.keySet()).containsExactly("a/1", "a/2");
      store.resources().deleteLocal("a/1");
      assertThat(store.resources().getLocal("a/1")).isEmpty();
      assertThat(store.resources().getLocal("b/1").orElseThrow()).containsExactly(3);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[7_777];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static int chunkKeys(RocksStore store) {
    int count = 0;
    try (RocksIterator it = store.db.newIterator(store.resources().family())) {
      for (it.seek(new byte[] {Keys.CHUNK}); it.isValid() && it.key()[0] == Keys.CHUNK; it.next()) {
        count++;
      }
    }
    return count;
  }

  @Test
  void stateVersionsBeyondTheKeptNumberArePrunedInTheBlockBatch() {
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN, new StoreOptions(3))) {
      StoreFixtures.writeBlocks(store, chain, 10, 12);
      assertThat(store.stateTree().store().oldestVersion()).hasValue(8);
      assertThatThrownBy(() -> store.stateTree().prove(text("k1"), 7))
          .isInstanceOfSatisfying(
              StateVersionException.class,
              e -> assertThat(e.reason()).isEqualTo(StateVersionException.Reason.PRUNED));
      for (long version = 8; version <= 10; version++) {
        Hash root = store.stateRoot(version).orElseThrow();
        Optional<Bytes> value = store.stateTree().get(text("k1"), version);
        assertThat(
                store.stateTree().prove(text("k1"), version).verify(root, text("k1"), value).isOk())
            .isTrue();
      }
      // Roots per height stay recorded in meta even when the tree version is gone.
      assertThat(store.stateRoot(1)).isPresent();
      assertThat(StoreChecker.check(store, h -> chain.validators()).isOk()).isTrue();
    }
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN, new StoreOptions(1))) {
      StoreFixtures.writeBlocks(store, chain, 3, 12);
      assertThat(store.stateTree().store().oldestVersion()).hasValue(13);
      assertThat(StoreChecker.check(store, h -> chain.validators()).isOk()).isTrue();
    }
  }

  @Test
  void stateQueriesComeWithProofsAgainstTheRootInTheNextHeader() {
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      StoreFixtures.writeBlocks(store, chain, 3, 10);
      for (Bytes key : List.of(text("k10"), text("never-written"))) {
        ProvenValue answer = store.proveState(key, 2);
        // A light client takes the root from block 3's certified header, not from the node.
        Hash certifiedRoot = store.block(3).orElseThrow().block().header().executedStateRoot();
        assertThat(answer.stateRoot()).isEqualTo(certifiedRoot);
        assertThat(answer.verify().isOk()).isTrue();
        assertThat(answer.value()).isEqualTo(store.stateTree().get(key, 2));
        Optional<Bytes> lie =
            answer.value().isPresent() ? Optional.empty() : Optional.of(text("x"));
        assertThat(answer.proof().verify(certifiedRoot, key, lie).isOk()).isFalse();
      }
      assertThat(store.proveState(text("k10"), 2).value()).isPresent();
    }
  }

  @Test
  void checkerFindsTamperedBlocksIndexesAndState() throws RocksDBException {
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      StoreFixtures.writeBlocks(store, chain, 4, 6);
      assertThat(StoreChecker.check(store, h -> chain.validators()).isOk()).isTrue();
      byte[] block = store.db.get(store.blocks, Keys.block(2));
      block[block.length - 1] ^= 1; // last byte of the last vote signature
      store.db.put(store.blocks, Keys.block(2), block);
      var firstTx = store.block(3).orElseThrow().block().transactions().get(0);
      store.db.delete(store.txIndex, firstTx.hash().toBytes());
      store.db.put(
          store.state,
          Keys.latest(org.alliancechain.core.state.TreeHashing.keyHash(text("k1"))),
          text("forged").unsafeArray());
      List<String> reasons =
          StoreChecker.check(store, h -> chain.validators()).problems().stream()
              .map(StoreChecker.Problem::reason)
              .toList();
      assertThat(reasons).contains("block_invalid", "tx_not_indexed");
      assertThat(reasons).containsAnyOf("latest_index_mismatch", "latest_index_count");
    }
  }

  @Test
  void checkerFindsAMissingStateNodeAndAHeadWithoutItsBlock() throws RocksDBException {
    try (RocksStore store = RocksStore.open(dir, ChainFixture.CHAIN)) {
      StoreFixtures.writeBlocks(store, chain, 3, 6);
      store.db.delete(store.blocks, Keys.block(3));
      var root = store.stateTree().store().root(3).orElseThrow();
      store.db.delete(store.state, Keys.node(root.key()));
      List<String> reasons =
          StoreChecker.check(store, h -> chain.validators()).problems().stream()
              .map(StoreChecker.Problem::reason)
              .toList();
      assertThat(reasons).contains("block_missing", "block_above_head", "state_node_missing");
    }
  }
}
