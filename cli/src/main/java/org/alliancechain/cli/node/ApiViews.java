package org.alliancechain.cli.node;

import java.util.List;

/**
 * The JSON shapes of the client API (docs/api.md). Records serialize field by field in declaration
 * order; hashes, keys and signatures are lower-case hex; amounts are integers.
 */
public final class ApiViews {
  private ApiViews() {}

  public record SubmitRequest(String tx) {}

  public record SubmitResult(String hash, String status) {}

  public record TxStatus(
      String hash,
      String status,
      Long height,
      Integer index,
      Boolean success,
      String code,
      String detail) {}

  public record Vote(int validator, String publicKey, String signature) {}

  public record Certificate(long height, long view, String blockHash, List<Vote> votes) {}

  public record Header(
      String chainId,
      long height,
      long view,
      String previousHash,
      String txRoot,
      int txCount,
      long executedHeight,
      String executedStateRoot,
      String validatorSetHash,
      String proposer,
      long timestampMillis) {}

  public record BlockView(
      long height,
      String hash,
      Header header,
      List<String> transactions,
      Certificate certificate) {}

  public record RawBlock(long height, String hex) {}

  public record StateProofView(
      String key, String value, long height, String stateRoot, String proof) {}

  public record Peer(String publicKey, String member, boolean connected, Long roundTripMicros) {}

  /**
   * Where consensus stands and, when it does not move, why (SPEC M-31): {@code summary} in words;
   * {@code waitingFor} the awaited quorum or message, {@code waitingOn} the validators it still
   * lacks; {@code recovering} is set while a validator that lost its log may not vote.
   */
  public record ConsensusStatus(
      boolean validator,
      long view,
      String primary,
      String phase,
      String waitingFor,
      long viewChanges,
      String lastViewChangeReason,
      String summary,
      List<String> waitingOn,
      String recovering,
      List<ValidatorProgress> validators) {}

  /**
   * A validator as this node last heard from it: the highest seq and view of its messages this node
   * accepted (-1 when none yet), and whether a link to it is up.
   */
  public record ValidatorProgress(
      String member, boolean self, boolean connected, long lastHeight, long lastView) {}

  public record Status(
      String chainId,
      String alliance,
      String mode,
      String member,
      String publicKey,
      long height,
      String headHash,
      String stateRoot,
      int mempoolSize,
      ConsensusStatus consensus,
      List<Peer> peers) {}

  public record MemberView(
      String name, String publicKey, String address, List<String> roles, boolean validator) {}

  public record Members(List<MemberView> members, String gatewayKey) {}

  /** POST /announcements: to every member over the LFT (cooperative, SPEC M-6). */
  public record AnnounceRequest(String text) {}

  /**
   * POST /announcements/trusted: to trusted providers over the TFT (competitive, SPEC M-7); option
   * is direct, via-private-alliance or via-alliance. The sharing request it is about, if any,
   * travels as the query parameter {@code requestId}: the API's JSON bodies have no optional fields
   * (p2p.api.Json refuses a missing one).
   */
  public record TrustedAnnounceRequest(
      String text,
      List<TrustedProvider> trusted,
      String option,
      long deadlineMillis,
      boolean openToRest) {}

  public record TrustedProvider(String member, long trustMicros) {}

  public record Announced(String id, String tree) {}

  public record CommTimesView(
      long fAcoMicros,
      long n,
      long fAcmMicros,
      long nP,
      long nNp,
      long directMicros,
      long directRoutes) {}

  public record AccountView(
      String publicKey, String member, long tokens, long money, long stake, long nonce) {}
}
