package org.alliancechain.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Off-chain resources, content-addressed by SHA-256 (SPEC M-18), in column family {@code
 * resources}. A resource is streamed in and out in {@link StoreLimits#RESOURCE_CHUNK_BYTES} chunks,
 * so a multi-megabyte file is never held in memory whole.
 *
 * <p>Layout: chunks under {@code c ‖ uploadId ‖ index}; a manifest {@code m ‖ hash → (size,
 * uploadId, chunks)} written last, which is what makes a resource exist; a pending marker {@code p
 * ‖ uploadId} from the first chunk until the manifest, so that chunks of an upload cut short by a
 * crash are deleted at the next open; {@code q} holds the next upload id. Encrypted resources
 * (competitive mode) are stored as the ciphertext they arrive as. {@code k ‖ name} holds the node's
 * own small local records (never on chain, in no hash): a member's private records (SPEC M-18) and
 * the like. A <em>resumable</em> upload ({@link #resumable}) is marked {@code u ‖ uploadId} instead
 * of {@code p}: its full chunks survive a restart and a later writer of the same name continues
 * after them (an upload session of the node's API, a fetch cut short).
 */
public final class ResourceStore {
  private final RocksStore store;
  private final ColumnFamilyHandle family;
  private final AtomicLong nextUploadId = new AtomicLong();

  ResourceStore(RocksStore store, ColumnFamilyHandle family) {
    this.store = store;
    this.family = family;
  }

  private record Manifest(long sizeBytes, long uploadId, int chunks) {
    byte[] encode() {
      return new CanonicalWriter(20).u63(sizeBytes).u63(uploadId).u32(chunks).toByteArray();
    }

    static Manifest decode(byte[] bytes) {
      CanonicalReader r = new CanonicalReader(bytes);
      Manifest m =
          new Manifest(r.u63("size"), r.u63("upload id"), r.u32("chunks", Integer.MAX_VALUE));
      r.expectEnd("resource manifest");
      return m;
    }
  }

  ColumnFamilyHandle family() {
    return family;
  }

  /** At open: deletes the chunks of uploads that never finished. */
  void recover() {
    nextUploadId.set(
        store
            .getRaw(family, new byte[] {Keys.UPLOAD_SEQUENCE})
            .map(b -> Keys.readU64(b, 0))
            .orElse(0L));
    try (WriteBatch batch = new WriteBatch();
        RocksIterator it = store.db.newIterator(family)) {
      for (it.seek(new byte[] {Keys.PENDING});
          it.isValid() && it.key()[0] == Keys.PENDING;
          it.next()) {
        long uploadId = Keys.readU64(it.key(), 1);
        deleteChunks(batch, uploadId);
        batch.delete(family, it.key());
      }
      if (batch.count() > 0) {
        store.db.write(store.syncWrite, batch);
      }
    } catch (RocksDBException e) {
      throw RocksStore.io("removing unfinished resource uploads", e);
    }
  }

  private void deleteChunks(WriteBatch batch, long uploadId) throws RocksDBException {
    batch.deleteRange(family, Keys.chunk(uploadId, 0), Keys.chunk(uploadId + 1, 0));
  }

  private static final String RESUMABLE_NAME = "resumable/";

  /**
   * A writer that can stop ({@link Writer#suspend()}, or the process dying) and continue later
   * under the same {@code name}: it resumes after the full chunks already stored (their bytes are
   * read back once to rebuild the running SHA-256), or starts afresh. A chunk is stored when it is
   * full, so the bytes of a last, partial chunk are written again after a resume.
   */
  public Writer resumable(String name) {
    store.ensureOpen();
    Optional<Long> previous = getLocal(RESUMABLE_NAME + name).map(b -> Keys.readU64(b, 0));
    if (previous.isPresent()
        && store.getRaw(family, Keys.prefixed(Keys.RESUMABLE, previous.get())).isPresent()) {
      return resume(previous.get(), name);
    }
    long uploadId = nextUploadId.getAndIncrement();
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(family, new byte[] {Keys.UPLOAD_SEQUENCE}, Keys.u64(uploadId + 1));
      batch.put(family, Keys.prefixed(Keys.RESUMABLE, uploadId), new byte[0]);
      batch.put(family, localKey(RESUMABLE_NAME + name), Keys.u64(uploadId));
      store.db.write(store.syncWrite, batch);
    } catch (RocksDBException e) {
      throw RocksStore.io("starting a resumable resource upload", e);
    }
    return new Writer(uploadId, name);
  }

  /** Whether a resumable writer of that name holds stored chunks to continue from. */
  public boolean hasResumable(String name) {
    return getLocal(RESUMABLE_NAME + name).isPresent();
  }

  private Writer resume(long uploadId, String name) {
    Writer w = new Writer(uploadId, name);
    for (int index = 0; ; index++) {
      Optional<byte[]> chunk = store.getRaw(family, Keys.chunk(uploadId, index));
      if (chunk.isEmpty() || chunk.get().length != StoreLimits.RESOURCE_CHUNK_BYTES) {
        if (chunk.isPresent()) {
          // a last, partial chunk whose manifest never followed: written again after the resume
          try {
            store.db.delete(family, store.syncWrite, Keys.chunk(uploadId, index));
          } catch (RocksDBException e) {
            throw RocksStore.io("resuming a resource upload", e);
          }
        }
        return w;
      }
      w.digest.update(chunk.get());
      w.sizeBytes += chunk.get().length;
      w.chunks++;
    }
  }

  /** Starts storing a resource; write its bytes, then {@link Writer#finish()}. */
  public Writer newResource() {
    store.ensureOpen();
    long uploadId = nextUploadId.getAndIncrement();
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(family, new byte[] {Keys.UPLOAD_SEQUENCE}, Keys.u64(uploadId + 1));
      batch.put(family, Keys.prefixed(Keys.PENDING, uploadId), new byte[0]);
      store.db.write(store.syncWrite, batch);
    } catch (RocksDBException e) {
      throw RocksStore.io("starting a resource upload", e);
    }
    return new Writer(uploadId);
  }

  private Optional<Manifest> manifest(Hash hash) {
    return store.getRaw(family, Keys.prefixed(Keys.MANIFEST, hash)).map(Manifest::decode);
  }

  public boolean contains(Hash hash) {
    return manifest(hash).isPresent();
  }

  public Optional<Long> sizeBytes(Hash hash) {
    return manifest(hash).map(Manifest::sizeBytes);
  }

  /** How many chunks the resource has; every chunk but the last is full. */
  public Optional<Integer> chunkCount(Hash hash) {
    return manifest(hash).map(Manifest::chunks);
  }

  /**
   * Chunk {@code index} of a resource (bytes {@code index * RESOURCE_CHUNK_BYTES} onwards), for
   * serving it to a peer piece by piece; empty if there is no such resource or chunk.
   */
  public Optional<byte[]> readChunk(Hash hash, int index) {
    return manifest(hash)
        .filter(m -> index >= 0 && index < m.chunks())
        .flatMap(m -> store.getRaw(family, Keys.chunk(m.uploadId(), index)));
  }

  /** A stream over the resource's bytes, read one chunk at a time. */
  public Optional<InputStream> open(Hash hash) {
    return manifest(hash).map(m -> new ChunkStream(m, hash));
  }

  /** Writes a node-local record (at most {@link #LOCAL_RECORD_BYTES_MAX}); durable on return. */
  public void putLocal(String name, byte[] value) {
    if (value.length > LOCAL_RECORD_BYTES_MAX) {
      throw new IllegalArgumentException("a local record is at most " + LOCAL_RECORD_BYTES_MAX);
    }
    store.ensureOpen();
    try {
      store.db.put(family, store.syncWrite, localKey(name), value);
    } catch (RocksDBException e) {
      throw RocksStore.io("writing local record " + name, e);
    }
  }

  public Optional<byte[]> getLocal(String name) {
    return store.getRaw(family, localKey(name));
  }

  public void deleteLocal(String name) {
    store.ensureOpen();
    try {
      store.db.delete(family, store.syncWrite, localKey(name));
    } catch (RocksDBException e) {
      throw RocksStore.io("deleting local record " + name, e);
    }
  }

  /**
   * The local records whose names start with {@code prefix}, in name order, at most {@code max}.
   */
  public java.util.SortedMap<String, byte[]> localRecords(String prefix, int max) {
    store.ensureOpen();
    byte[] from = localKey(prefix);
    java.util.TreeMap<String, byte[]> out = new java.util.TreeMap<>();
    try (RocksIterator it = store.db.newIterator(family)) {
      for (it.seek(from); it.isValid() && out.size() < max; it.next()) {
        byte[] key = it.key();
        if (!startsWith(key, from)) {
          break;
        }
        String name = new String(key, 1, key.length - 1, java.nio.charset.StandardCharsets.UTF_8);
        out.put(name, it.value());
      }
    }
    return out;
  }

  /** Bounds each local record; a private record's opening is well below it. */
  public static final int LOCAL_RECORD_BYTES_MAX = 64 * 1024;

  private static byte[] localKey(String name) {
    byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] key = new byte[1 + n.length];
    key[0] = Keys.LOCAL;
    System.arraycopy(n, 0, key, 1, n.length);
    return key;
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Deletes a resource; false if there was none. Durable when it returns. */
  public boolean delete(Hash hash) {
    Optional<Manifest> manifest = manifest(hash);
    if (manifest.isEmpty()) {
      return false;
    }
    try (WriteBatch batch = new WriteBatch()) {
      batch.delete(family, Keys.prefixed(Keys.MANIFEST, hash));
      deleteChunks(batch, manifest.get().uploadId());
      store.db.write(store.syncWrite, batch);
    } catch (RocksDBException e) {
      throw RocksStore.io("deleting resource " + hash.shortHex(), e);
    }
    return true;
  }

  /** Receives a resource's bytes. Closing it without {@link #finish()} discards the upload. */
  public final class Writer extends OutputStream {
    private final long uploadId;
    private final String resumableName; // null: not resumable
    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] buffer = new byte[StoreLimits.RESOURCE_CHUNK_BYTES];
    private int filled;
    private int chunks;
    private long sizeBytes;
    private boolean done;

    private Writer(long uploadId) {
      this(uploadId, null);
    }

    private Writer(long uploadId, String resumableName) {
      this.uploadId = uploadId;
      this.resumableName = resumableName;
    }

    /** Bytes received so far (after a resume: those of the full chunks already stored). */
    public long sizeBytes() {
      return sizeBytes;
    }

    /** The SHA-256 of every byte written so far, without finishing. */
    public Hash hashSoFar() {
      try {
        return Hash.of(((MessageDigest) digest.clone()).digest());
      } catch (CloneNotSupportedException e) {
        throw new AssertionError("invariant broken: SHA-256 digests clone", e);
      }
    }

    /** Full chunks stored so far. */
    public int storedChunks() {
      return chunks;
    }

    /**
     * Stops without discarding: a resumable writer's stored chunks stay for the next writer of its
     * name; the bytes of a partial last chunk are dropped. Not resumable: the same as close.
     */
    public void suspend() throws IOException {
      if (resumableName == null) {
        close();
        return;
      }
      done = true;
    }

    private void forget(WriteBatch batch) throws RocksDBException {
      batch.delete(family, Keys.prefixed(Keys.PENDING, uploadId));
      if (resumableName != null) {
        batch.delete(family, Keys.prefixed(Keys.RESUMABLE, uploadId));
        batch.delete(family, localKey(RESUMABLE_NAME + resumableName));
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (done) {
        throw new IOException("resource upload already finished or discarded");
      }
      if (sizeBytes + length > StoreLimits.RESOURCE_BYTES_MAX) {
        throw new IOException("resource over " + StoreLimits.RESOURCE_BYTES_MAX + " bytes");
      }
      digest.update(bytes, offset, length);
      sizeBytes += length;
      while (length > 0) {
        int n = Math.min(length, buffer.length - filled);
        System.arraycopy(bytes, offset, buffer, filled, n);
        filled += n;
        offset += n;
        length -= n;
        if (filled == buffer.length) {
          writeChunk();
        }
      }
    }

    private void writeChunk() throws IOException {
      try {
        store.db.put(family, Keys.chunk(uploadId, chunks), java.util.Arrays.copyOf(buffer, filled));
      } catch (RocksDBException e) {
        throw new IOException("storing a resource chunk: " + e.getMessage(), e);
      }
      chunks++;
      filled = 0;
    }

    /** Stores the last chunk and the manifest; the resource exists and is durable on return. */
    public Hash finish() throws IOException {
      if (done) {
        throw new IOException("resource upload already finished or discarded");
      }
      if (filled > 0) {
        writeChunk();
      }
      done = true;
      Hash hash = Hash.of(digest.digest());
      try (WriteBatch batch = new WriteBatch()) {
        if (contains(hash)) {
          deleteChunks(batch, uploadId);
        } else {
          batch.put(
              family,
              Keys.prefixed(Keys.MANIFEST, hash),
              new Manifest(sizeBytes, uploadId, chunks).encode());
        }
        forget(batch);
        store.db.write(store.syncWrite, batch);
      } catch (RocksDBException e) {
        throw new IOException("storing the resource manifest: " + e.getMessage(), e);
      }
      return hash;
    }

    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      try (WriteBatch batch = new WriteBatch()) {
        deleteChunks(batch, uploadId);
        forget(batch);
        store.db.write(store.syncWrite, batch);
      } catch (RocksDBException e) {
        throw new IOException("discarding a resource upload: " + e.getMessage(), e);
      }
    }
  }

  private final class ChunkStream extends InputStream {
    private final Manifest manifest;
    private final Hash hash;
    private byte[] chunk = new byte[0];
    private int position;
    private int nextChunk;

    ChunkStream(Manifest manifest, Hash hash) {
      this.manifest = manifest;
      this.hash = hash;
    }

    private boolean fill() throws IOException {
      while (position == chunk.length) {
        if (nextChunk == manifest.chunks()) {
          return false;
        }
        Optional<byte[]> next;
        try {
          next = store.getRaw(family, Keys.chunk(manifest.uploadId(), nextChunk));
        } catch (StoreException e) {
          throw new IOException(e.getMessage(), e);
        }
        if (next.isEmpty()) {
          throw new IOException("resource " + hash.shortHex() + " was deleted while being read");
        }
        chunk = next.get();
        position = 0;
        nextChunk++;
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? chunk[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] out, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, out, offset, n);
      position += n;
      return n;
    }
  }
}
