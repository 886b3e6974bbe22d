package org.alliancechain.core.app;

import org.alliancechain.core.block.BlockHeader;

/**
 * What execution may know about the block: its header. {@code header.timestampMillis()} is the
 * application's only clock.
 */
public record BlockContext(BlockHeader header) {
  public long height() {
    return header.height();
  }

  public long timeMillis() {
    return header.timestampMillis();
  }
}
