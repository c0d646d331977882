package io.ptosim.analysis.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The FATAL/ring/backstop extractor over short excerpts of the corpus's logs (upstream 6ebaf77, a2a3sim). */
class UpstreamLogTest {

  @Test
  void scopeDeadlockNamesItsRingInParentheses() {
    UpstreamLog log = UpstreamLog.read(List.of(
        "[DEBUG] submit_task_common: [pto_orchestrator.cpp:1050] dense dependency: task ring=0 id=65 fanin>16 [orch submit]",
        "[ERROR] check_scope_can_accept_task: [pto_orchestrator.cpp:573] FATAL: Scope Deadlock Detected! (ring 2)"));
    assertEquals("FATAL: Scope Deadlock Detected! (ring 2)", log.fatal().orElseThrow());
    assertEquals(OptionalInt.of(2), log.ring(), "the debug line's ring=0 is not the FATAL line");
    assertFalse(log.backstopFired());
  }

  @Test
  void heapReportNamesItsRingWithEquals() {
    UpstreamLog log = UpstreamLog.read(List.of(
        "[mono_ns=1][T0x7f][ERROR] report_deadlock: [pto_ring_buffer.h:425] FATAL: Task Allocator Deadlock - Heap Exhausted! ring=1",
        "[ERROR] report_deadlock: [pto_ring_buffer.h:433] Provable head-of-line deadlock."));
    assertEquals(OptionalInt.of(1), log.ring());
    assertFalse(log.backstopFired(), "the structural check, not the backstop");
  }

  @Test
  void depPoolReportHasNoRingAndIsTheBackstop() {
    UpstreamLog log = UpstreamLog.read(List.of(
        "Ring buffer sizes: task_window=[16384, 16384, 16384, 16384] heap=[268435456, 268435456, 268435456, 268435456] dep_pool=[16, 16, 16, 16]",
        "[ERROR] report_deadlock: [pto_ring_buffer.cpp:142] FATAL: Dependency Pool Deadlock Detected!",
        "[ERROR] report_deadlock: [pto_ring_buffer.cpp:149] DepListPool cannot reclaim space after ~500 ms (no progress)."));
    assertTrue(log.ring().isEmpty());
    assertTrue(log.backstopFired());
    UpstreamLog.RingSizes sizes = log.ringSizes().orElseThrow();
    assertTrue(sizes.uniform());
    assertEquals(16L, sizes.depPool().get(3));
    assertEquals(16384L, sizes.taskWindow().get(0));
  }

  @Test
  void perRingHeapIsNotUniform() {
    UpstreamLog log = UpstreamLog.read(List.of(
        "Ring sizes: task_window=[16384, 16384, 16384, 16384] heap=[268435456, 1572864, 268435456, 268435456] dep_pool=[16384, 16384, 16384, 16384]"));
    assertFalse(log.ringSizes().orElseThrow().uniform());
    assertTrue(log.fatal().isEmpty());
  }

  @Test
  void ptosimMessageIsReadByTheSameRule() {
    assertEquals(OptionalInt.of(3), UpstreamLog.ofMessage("FATAL: Task Allocator Deadlock - Task Ring Full! ring=3").ring());
    assertTrue(UpstreamLog.ofMessage("FATAL: Scope Deadlock Detected!").ring().isEmpty());
  }
}
