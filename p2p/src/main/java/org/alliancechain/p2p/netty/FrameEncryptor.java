package org.alliancechain.p2p.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.alliancechain.p2p.secure.SessionCipher;

/**
 * Encrypts outbound plaintext frames on the link's event loop, so nonces follow wire order even
 * when many threads send. Sits at the tail of the pipeline: the handshake writes from the handler
 * before it, in the clear, and never pass through here.
 */
final class FrameEncryptor extends MessageToByteEncoder<ByteBuf> {
  private final SessionCipher cipher;

  FrameEncryptor(SessionCipher cipher) {
    super(ByteBuf.class);
    this.cipher = cipher;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf plaintext, ByteBuf out) {
    byte[] sealed = cipher.encrypt(ByteBufUtil.getBytes(plaintext));
    out.writeInt(sealed.length);
    out.writeBytes(sealed);
  }
}
