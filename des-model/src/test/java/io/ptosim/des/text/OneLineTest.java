package io.ptosim.des.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {
  @Test
  void controlCharactersAreEscapedAndLongMessagesCut() {
    assertThat(OneLine.of("unknown field 'k\rn\nel\t\u0001'")).isEqualTo("unknown field 'k\\rn\\nel\\t\\u0001'");
    assertThat(OneLine.of("x".repeat(5000))).hasSize(OneLine.MAX_CHARS + 3).endsWith("...");
    assertThat(OneLine.of("plain")).isEqualTo("plain");
  }
}
