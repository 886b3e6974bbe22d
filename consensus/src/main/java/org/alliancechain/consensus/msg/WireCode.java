package org.alliancechain.consensus.msg;

/**
 * One byte per message kind on the wire, kept apart from the records so that renaming a record
 * never changes the protocol. Codes are never reused.
 */
public final class WireCode {
  private WireCode() {}

  public static final int PRE_PREPARE = 1;
  public static final int PREPARE = 2;
  public static final int COMMIT = 3;
  public static final int CHECKPOINT = 4;
  public static final int VIEW_CHANGE = 5;
  public static final int NEW_VIEW = 6;
  public static final int SYNC_REQUEST = 7;
  public static final int SYNC_RESPONSE = 8;

  public static int of(ConsensusMessage message) {
    return switch (message) {
      case PrePrepare m -> PRE_PREPARE;
      case Prepare m -> PREPARE;
      case Commit m -> COMMIT;
      case Checkpoint m -> CHECKPOINT;
      case ViewChange m -> VIEW_CHANGE;
      case NewView m -> NEW_VIEW;
      case SyncRequest m -> SYNC_REQUEST;
      case SyncResponse m -> SYNC_RESPONSE;
    };
  }
}
