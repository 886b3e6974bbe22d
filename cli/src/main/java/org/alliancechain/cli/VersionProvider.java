package org.alliancechain.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = AllianceCommand.class.getPackage().getImplementationVersion();
    return new String[] {"alliance " + (version == null ? "development build" : version)};
  }
}
