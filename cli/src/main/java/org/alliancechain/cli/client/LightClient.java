package org.alliancechain.cli.client;

import java.util.Optional;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.core.Hex;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;

/**
 * Checks what a node serves without trusting the node: every block's certificate against the
 * validator set, every header's parent link and transaction root (SPEC M-26). A block that fails
 * names the node and the height.
 */
public final class LightClient {
  private final NodeClient client;
  private final String chainId;
  private final ValidatorSet validators;

  public LightClient(NodeClient client, String chainId, ValidatorSet validators) {
    this.client = client;
    this.chainId = chainId;
    this.validators = validators;
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
    Verdict verdict = block.verify(validators);
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
