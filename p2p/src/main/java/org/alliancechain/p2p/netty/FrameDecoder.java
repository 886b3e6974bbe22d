package org.alliancechain.p2p.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the stream into frames of a u32 big-endian length then that many bytes. The limit depends
 * on the link's state (tiny during the handshake), and a length above it is refused as soon as the
 * four length bytes arrive, before any of the body is buffered.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  static final int LENGTH_BYTES = 4;

  /** A length prefix over the limit. */
  static final class FrameTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FrameTooLargeException(long length, int limit) {
      super("frame of " + length + " bytes over the limit of " + limit, null, false, false);
    }
  }

  private int frameBytesMax;
  private boolean failed;

  FrameDecoder(int frameBytesMax) {
    this.frameBytesMax = frameBytesMax;
  }

  void setFrameBytesMax(int frameBytesMax) {
    this.frameBytesMax = frameBytesMax;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < LENGTH_BYTES) {
      return;
    }
    long length = in.getUnsignedInt(in.readerIndex());
    if (length > frameBytesMax) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw new FrameTooLargeException(length, frameBytesMax);
    }
    if (in.readableBytes() < LENGTH_BYTES + length) {
      return;
    }
    in.skipBytes(LENGTH_BYTES);
    out.add(in.readRetainedSlice((int) length));
  }
}
