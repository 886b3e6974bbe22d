package org.alliancechain.cli.node;

/** The node cannot start or must stop; the message says why in one line for the operator. */
public final class NodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeException(String message) {
    super(message);
  }

  public NodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
