package org.alliancechain.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.node.Resources;
import org.alliancechain.core.store.StoreLimits;

/**
 * The CLI's streams over a node's resource routes (SPEC M-18): an upload that posts one chunk per
 * request, and a download that reads one chunk per request, so a file of any size passes through
 * the CLI with one chunk in memory.
 */
final class ResourceTransfers {
  private ResourceTransfers() {}

  static Resources.UploadView startUpload(NodeClient client, String contractId, int period) {
    return client.post(
        "/resources/uploads?contract=" + contractId + "&period=" + period,
        Map.of(),
        Resources.UploadView.class);
  }

  static Resources.StoredView finish(NodeClient client, long upload) {
    return client.post(
        "/resources/uploads/" + upload + "/finish", Map.of(), Resources.StoredView.class);
  }

  /** Buffers one chunk and posts it when full; closing it posts the rest. */
  static final class Upload extends OutputStream {
    private final NodeClient client;
    private final long upload;
    private final byte[] chunk = new byte[StoreLimits.RESOURCE_CHUNK_BYTES];
    private int filled;
    private long index;
    private boolean closed;

    Upload(NodeClient client, long upload) {
      this.client = client;
      this.upload = upload;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (closed) {
        throw new IOException("upload stream closed");
      }
      while (length > 0) {
        int n = Math.min(length, chunk.length - filled);
        System.arraycopy(bytes, offset, chunk, filled, n);
        filled += n;
        offset += n;
        length -= n;
        if (filled == chunk.length) {
          post();
        }
      }
    }

    private void post() {
      byte[] body = filled == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, filled);
      var unused =
          client.postBytes(
              "/resources/uploads/" + upload + "/chunks?index=" + index,
              body,
              Resources.UploadView.class);
      index++;
      filled = 0;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (filled > 0) {
        post();
      }
    }
  }

  /** Reads a resource this node holds, one chunk per request. */
  static final class Download extends InputStream {
    private final NodeClient client;
    private final String hash;
    private final int chunks;
    private byte[] chunk = new byte[0];
    private int position;
    private int next;

    Download(NodeClient client, String hash, int chunks) {
      this.client = client;
      this.hash = hash;
      this.chunks = chunks;
    }

    private boolean fill() {
      while (position == chunk.length) {
        if (next == chunks) {
          return false;
        }
        chunk = client.getBytes("/resources/" + hash + "/chunks/" + next);
        position = 0;
        next++;
      }
      return true;
    }

    @Override
    public int read() {
      return fill() ? chunk[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] out, int offset, int length) {
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
