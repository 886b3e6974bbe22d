package org.alliancechain.p2p.api;

/** A running client API server. */
public interface ApiServer extends AutoCloseable {
  int port();

  @Override
  void close();
}
