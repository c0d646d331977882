package io.ptosim.scheduler.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuntimeVersionsTest {

  @Test
  void versionsAreChosenByNameWithTheirOwnDetector() {
    assertThat(RuntimeVersions.names()).containsExactly("main-6ebaf77", "pr482");
    assertThat(RuntimeVersions.byName("pr482").commit()).isEqualTo("01d0723");
    assertThat(RuntimeVersions.byName("pr482").defaultPolicy()).isEqualTo("legacy");
    assertThat(RuntimeVersions.byName("main-6ebaf77").commit()).isEqualTo("6ebaf77");
    assertThat(RuntimeVersions.byName("main-6ebaf77").defaultPolicy()).isEqualTo("scope-aware");
    assertThat(RuntimeVersions.main()).isSameAs(RuntimeVersions.byName("main-6ebaf77"));
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> RuntimeVersions.byName("main"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown runtime version 'main' (known: main-6ebaf77, pr482)");
  }
}
