package io.ptosim.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), so it can never disagree with the pom. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = PtosimMain.class.getPackage().getImplementationVersion();
    return new String[] {"ptosim " + (v == null ? "(development build)" : v)};
  }
}
