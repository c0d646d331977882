package io.ptosim.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void drawsABarAtMostFiveTimesASecondAndErasesItOnClose() {
    long[] now = {0};
    StringWriter err = new StringWriter();
    try (Progress p = new Progress(new PrintWriter(err), "fuzz", 200, () -> now[0])) {
      p.update(10);
      assertThat(err.toString()).isEmpty(); // too soon
      now[0] = Progress.REDRAW_NANOS;
      p.update(100);
      assertThat(err.toString()).isEqualTo("\rfuzz [###############...............]  50% 100/200 (0 s)");
      p.update(150);
      assertThat(err.toString()).doesNotContain("150/200");
    }
    assertThat(err.toString()).endsWith("\r" + " ".repeat(56) + "\r");
  }

  @Test
  void anUnknownTotalDrawsACounter() {
    Progress p = new Progress(new PrintWriter(new StringWriter()), "run", 0, () -> 0L);
    assertThat(p.render(12345, 3_000_000_000L)).isEqualTo("run: 12,345 (3 s)");
  }

  @Test
  void silentWhenStderrIsNotATerminal() {
    // Tests run with System.console() == null: nothing may be drawn.
    StringWriter err = new StringWriter();
    try (Progress p = Progress.on(new PrintWriter(err), "x", 10)) {
      assertThat(p.enabled()).isEqualTo(System.console() != null);
      for (int i = 0; i < 10; i++) {
        p.update(i);
      }
    }
    if (System.console() == null) {
      assertThat(err.toString()).isEmpty();
    }
    assertThat(Progress.silent().enabled()).isFalse();
  }
}
