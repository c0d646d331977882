package io.ptosim.analysis.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineUnwrapperTest {
  @Test
  void simHostPrefixIsRemovedWithFileAndLine() {
    LogLine l = LineUnwrapper.unwrap(7, "[mono_ns=2587809127592][T0x7f378c878b80][ERROR] validate_runtime_impl: "
        + "[runtime_maker.cpp:1019] PTO2 runtime failed: orch_error_code=2 sched_error_code=0 runtime_status=-2").orElseThrow();
    assertThat(l.wrapper()).isEqualTo(LogLine.Wrapper.SIM_HOST);
    assertThat(l.level()).isEqualTo("ERROR");
    assertThat(l.function()).isEqualTo("validate_runtime_impl");
    assertThat(l.message()).isEqualTo("PTO2 runtime failed: orch_error_code=2 sched_error_code=0 runtime_status=-2");
    assertThat(l.number()).isEqualTo(7);
  }

  @Test
  void bareFormKeepsLeadingSpacesOfTheMessage() {
    LogLine l = LineUnwrapper.unwrap(1, "[ERROR] report_deadlock: [pto_ring_buffer.h:440]   Task ring 1: current=0, last_alive=0, active=0/16384 (0.0%)").orElseThrow();
    assertThat(l.wrapper()).isEqualTo(LogLine.Wrapper.BARE);
    assertThat(l.function()).isEqualTo("report_deadlock");
    assertThat(l.message()).isEqualTo("  Task ring 1: current=0, last_alive=0, active=0/16384 (0.0%)");
  }

  @Test
  void bareFormWithoutFileLineAndMessagesStartingWithABracket() {
    LogLine l = LineUnwrapper.unwrap(1, "[ERROR] submit_task: FATAL(code=7): require_sync_start block_num=1000 > limit=16").orElseThrow();
    assertThat(l.message()).isEqualTo("FATAL(code=7): require_sync_start block_num=1000 > limit=16");
    LogLine stall = LineUnwrapper.unwrap(2, "[INFO] log_stall_diagnostics: [scheduler_cold_path.cpp:312] [STALL thread=0 idle_iterations=5] SUMMARY completed=1/2").orElseThrow();
    assertThat(stall.message()).isEqualTo("[STALL thread=0 idle_iterations=5] SUMMARY completed=1/2");
  }

  @Test
  void onboardMessageLineClaimsItsHeader() {
    LogLine header = LineUnwrapper.unwrap(1, "[ERROR] AICPU(24300,aicpu_scheduler):2026-12-01-20:44:05.123.456 [device_log.cpp:91]140234 report_deadlock").orElseThrow();
    assertThat(LineUnwrapper.isOnboardMessage("[ERROR] AICPU(24300,aicpu_scheduler) report_deadlock")).isFalse();
    assertThat(header.wrapper()).isNotEqualTo(LogLine.Wrapper.ONBOARD);
    LogLine l = LineUnwrapper.unwrap(2, "\"[pto_ring_buffer.h:449]   Requested:  3072 bytes\"").orElseThrow();
    assertThat(LineUnwrapper.isOnboardMessage("\"[pto_ring_buffer.h:449]   Requested:  3072 bytes\"")).isTrue();
    assertThat(l.wrapper()).isEqualTo(LogLine.Wrapper.ONBOARD);
    assertThat(l.message()).isEqualTo("  Requested:  3072 bytes");
  }

  @Test
  void noPrefixAndBlankLines() {
    LogLine l = LineUnwrapper.unwrap(3, "Task ring: current=17740, last_alive=1357, active=16383/16384 (100.0%)\r").orElseThrow();
    assertThat(l.wrapper()).isEqualTo(LogLine.Wrapper.NONE);
    assertThat(l.message()).isEqualTo("Task ring: current=17740, last_alive=1357, active=16383/16384 (100.0%)");
    assertThat(LineUnwrapper.unwrap(4, "   ")).isEmpty();
  }
}
