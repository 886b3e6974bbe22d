package org.alliancechain.p2p;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.secure.Handshake;
import org.alliancechain.p2p.secure.HandshakeException;
import org.alliancechain.p2p.secure.SessionCipher;

/** A hand-driven peer on a plain socket, to send what a well-behaved node never would. */
final class RawPeer implements AutoCloseable {
  final Socket socket;
  final DataInputStream in;
  final DataOutputStream out;
  SessionCipher cipher;

  RawPeer(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    in = new DataInputStream(socket.getInputStream());
    out = new DataOutputStream(socket.getOutputStream());
  }

  void writeFrame(byte[] body) throws IOException {
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  byte[] readFrame() throws IOException {
    byte[] body = new byte[in.readInt()];
    in.readFully(body);
    return body;
  }

  /** Runs the initiator's side of the handshake as {@code identity}. */
  void handshake(KeyPair identity, Bytes networkId, PublicKey server)
      throws IOException, HandshakeException {
    Handshake hs =
        Handshake.initiator(identity, networkId.unsafeArray(), server, new SecureRandom());
    writeFrame(hs.message1());
    Handshake.InitiatorResult result = hs.onMessage2(readFrame());
    writeFrame(result.message3().toByteArray());
    cipher = result.established().cipher();
  }

  void sendMessage(byte[] message) throws IOException {
    byte[] plain = new byte[message.length + 1];
    System.arraycopy(message, 0, plain, 1, message.length); // type 0: message
    writeFrame(cipher.encrypt(plain));
  }

  /** True when the other side closed the connection (end of stream or reset). */
  boolean closedByPeer() {
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
