package org.alliancechain.cli.client;

import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.config.Genesis;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Hex;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorChange;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.StateProof;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.ValidatorState;

/**
 * Checks what a node serves without trusting the node: every block's certificate against the
 * validator set in force at its height, every header's parent link and transaction root (SPEC
 * M-26). A block that fails names the node and the height.
 *
 * <p>Validator sets change by DAO decision (SPEC M-3). The set that certifies height {@code H} is
 * the one the ledger state at any height {@code s} with {@code H - window - 1 <= s < H} says (a
 * change decided after {@code s} takes effect after {@code s + window}, docs/consensus.md). So the
 * client starts from the genesis set and, when its knowledge gets older than a window, reads the
 * ledger's validator record at the latest executed height a verified header commits to, with a
 * state proof against that header's state root: the node is trusted for nothing.
 */
public final class LightClient {
  private final NodeClient client;
  private final String chainId;
  private final long windowBlocks;
  // ledger height -> the validator record proven at it (height 0: the genesis set, nothing due)
  private final TreeMap<Long, ValidatorState> known = new TreeMap<>();
  private BlockHeader lastVerified;

  /** A client that follows the DAO's validator changes from the alliance's genesis. */
  public LightClient(NodeClient client, Genesis genesis) {
    this(
        client,
        genesis.chainId(),
        genesis.validatorSet(),
        ValidatorChange.windowBlocks(
            genesis
                .parameters()
                .get(org.alliancechain.config.Parameter.CHECKPOINT_INTERVAL_BLOCKS)));
  }

  /** A client for a fixed validator set (no changes expected). */
  public LightClient(NodeClient client, String chainId, ValidatorSet validators) {
    this(client, chainId, validators, Long.MAX_VALUE / 4);
  }

  private LightClient(
      NodeClient client, String chainId, ValidatorSet validators, long windowBlocks) {
    this.client = client;
    this.chainId = chainId;
    this.windowBlocks = windowBlocks;
    known.put(0L, ValidatorState.of(validators.members()));
  }

  /**
   * The set that certifies {@code height}, proven from the ledger when the client's knowledge is
   * older than a window; empty with the reason when the node cannot prove it.
   */
  private Verdict validatorsFor(long height, ValidatorSet[] out) {
    var entry = known.floorEntry(height - 1);
    if (entry != null && entry.getKey() >= height - windowBlocks - 1) {
      out[0] = entry.getValue().effectiveAt(height);
      return Verdict.ok();
    }
    if (lastVerified == null || lastVerified.height() != height - 1) {
      RangeResult walk =
          verifyRange(lastVerified == null ? 1 : lastVerified.height() + 1, height - 1);
      if (walk.failure().isPresent()) {
        return walk.failure().get().verdict();
      }
    }
    long at = lastVerified.executedHeight();
    if (at < height - windowBlocks - 1) {
      return Verdict.reject(
          "validators_unknown", "no certified state within a window below height " + height);
    }
    ApiViews.StateProofView view =
        client.get(
            "/state/" + Keys.VALIDATORS.toHex() + "?height=" + at, ApiViews.StateProofView.class);
    Optional<Bytes> value = Optional.ofNullable(view.value()).map(Bytes::fromHex);
    try {
      Verdict proven =
          StateProof.decode(Hex.decode(view.proof()))
              .verify(lastVerified.executedStateRoot(), Keys.VALIDATORS, value);
      if (!proven.isOk() || value.isEmpty()) {
        return Verdict.reject("bad_validator_proof", "at height " + at + ": " + proven);
      }
      known.put(at, ValidatorState.decode(new CanonicalReader(value.get().toByteArray())));
    } catch (DecodeException | IllegalArgumentException e) {
      return Verdict.reject("bad_validator_proof", "at height " + at + ": " + e.getMessage());
    }
    return validatorsFor(height, out);
  }

  /** One verified block, or why the node's block at that height is not to be trusted. */
  public record Checked(long height, Optional<CertifiedBlock> block, Verdict verdict) {}

  public long head() {
    return client.get("/status", ApiViews.Status.class).height();
  }

  /** Fetches and checks the block at {@code height} (certificate, body, chain id). */
  public Checked fetch(long height) {
    ApiViews.RawBlock raw = client.get("/blocks/" + height + "/raw", ApiViews.RawBlock.class);
    CertifiedBlock block;
    try {
      block = CertifiedBlock.decode(Hex.decode(raw.hex()));
    } catch (DecodeException | IllegalArgumentException e) {
      return new Checked(height, Optional.empty(), Verdict.reject("undecodable", e.getMessage()));
    }
    BlockHeader header = block.block().header();
    if (header.height() != height) {
      return new Checked(
          height,
          Optional.empty(),
          Verdict.reject("wrong_height", "asked for " + height + ", got " + header.height()));
    }
    if (!header.chainId().equals(chainId)) {
      return new Checked(
          height,
          Optional.empty(),
          Verdict.reject("wrong_chain", "block of chain " + header.chainId()));
    }
    ValidatorSet[] validators = new ValidatorSet[1];
    Verdict verdict = validatorsFor(height, validators);
    if (verdict.isOk()) {
      verdict = block.verify(validators[0]);
    }
    if (verdict.isOk() && (lastVerified == null || lastVerified.height() < height)) {
      lastVerified = header; // certified by the set in force: its state root can be trusted
    }
    return new Checked(height, verdict.isOk() ? Optional.of(block) : Optional.empty(), verdict);
  }

  /** Outcome of {@link #verifyRange}. */
  public record RangeResult(
      long verified, long lastHeight, Hash lastHash, Optional<Checked> failure) {}

  /** Verifies [from, to], each block's certificate and its link to the one before. */
  public RangeResult verifyRange(long from, long to) {
    Hash previous = null;
    long verified = 0;
    Hash last = null;
    for (long h = from; h <= to; h++) {
      Checked checked = fetch(h);
      if (!checked.verdict().isOk()) {
        return new RangeResult(verified, h - 1, last, Optional.of(checked));
      }
      BlockHeader header = checked.block().orElseThrow().block().header();
      if (previous != null && !header.previousHash().equals(previous)) {
        return new RangeResult(
            verified,
            h - 1,
            last,
            Optional.of(
                new Checked(
                    h,
                    Optional.empty(),
                    Verdict.reject(
                        "broken_link", "previous hash does not match block " + (h - 1)))));
      }
      previous = header.hash();
      last = previous;
      verified++;
    }
    return new RangeResult(verified, to, last, Optional.empty());
  }

  /**
   * The state root at {@code height} as a certified header commits to it: the first block above
   * {@code height} whose header names it as its executed height.
   */
  public Optional<Hash> certifiedStateRoot(long height, long head) {
    for (long h = height + 1; h <= head; h++) {
      Checked checked = fetch(h);
      if (!checked.verdict().isOk()) {
        return Optional.empty();
      }
      BlockHeader header = checked.block().orElseThrow().block().header();
      if (header.executedHeight() == height) {
        return Optional.of(header.executedStateRoot());
      }
      if (header.executedHeight() > height) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
