package org.alliancechain.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// docs/benchmarks.md step 8: the nodes' heap and collector, and the override used to compare them.
class NodeJvmOptionsTest {
  @Test
  void nodesRunSerialGcWithAOneGibHeapUnlessTheSystemPropertySaysOtherwise() {
    String before = System.getProperty(LocalAlliance.NODE_JVM_PROPERTY);
    try {
      System.clearProperty(LocalAlliance.NODE_JVM_PROPERTY);
      assertThat(LocalAlliance.nodeJvmOptions()).contains("-XX:+UseSerialGC", "-Xmx1g");
      System.setProperty(LocalAlliance.NODE_JVM_PROPERTY, "  -XX:+UseSerialGC   -Xmx512m ");
      assertThat(LocalAlliance.nodeJvmOptions()).containsExactly("-XX:+UseSerialGC", "-Xmx512m");
    } finally {
      if (before == null) {
        System.clearProperty(LocalAlliance.NODE_JVM_PROPERTY);
      } else {
        System.setProperty(LocalAlliance.NODE_JVM_PROPERTY, before);
      }
    }
  }
}
