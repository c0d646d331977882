package io.ptosim.des.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.des.event.CoreId;
import io.ptosim.des.event.Shape;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.des.platform.CoreType;
import io.ptosim.des.testing.ToyDevice;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChromeTraceWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static void assertValidChromeTrace(byte[] json) throws Exception {
    ChromeTraceValidator.Report report = ChromeTraceValidator.validate(new java.io.ByteArrayInputStream(json));
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void toyRunExportsValidChromeTraceWithOneSlicePerBlock() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ToyDevice.run(30, 4, TieBreak.shuffle(9), List.of(new ChromeTraceWriter(out, 3)));
    JsonNode root = JSON.readTree(out.toByteArray());
    assertValidChromeTrace(out.toByteArray());
    int slices = 0;
    for (JsonNode e : root.get("traceEvents")) {
      if (e.get("ph").asText().equals("X")) {
        slices++;
        assertThat(e.get("tid").asInt()).isBetween(1000, 1003);
      }
    }
    assertThat(slices).isEqualTo(30);
  }

  @Test
  void validatorRejectsPartlyOverlappingSlicesAndMissingFields() throws Exception {
    String bad = "{\"traceEvents\":["
        + "{\"ph\":\"X\",\"name\":\"a\",\"ts\":1.0,\"dur\":5.0,\"pid\":1,\"tid\":7},"
        + "{\"ph\":\"X\",\"name\":\"b\",\"ts\":3.0,\"dur\":5.0,\"pid\":1,\"tid\":7},"
        + "{\"ph\":\"X\",\"name\":\"c\",\"ts\":2.0,\"pid\":1,\"tid\":8},"
        + "{\"ph\":\"X\",\"name\":\"d\",\"ts\":2.0,\"dur\":1.0,\"pid\":1,\"tid\":7}]}";
    ChromeTraceValidator.Report r = ChromeTraceValidator.validate(new java.io.ByteArrayInputStream(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(r.slices()).isEqualTo(4);
    assertThat(r.problems()).containsExactly("event 2: X event without numeric dur", "track 1000007: slice 3.0-8.0 overlaps 1.0-6.0");
  }

  @Test
  void coreSliceHasExactMicrosecondTimesAndTaskArgs() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceRecorder r = new TraceRecorder(List.of(new ChromeTraceWriter(out, 3)));
    CoreId core = new CoreId(CoreType.AIC, 5);
    r.record(new TraceEvent.Dispatch(1_234, 7, "qk", Shape.AIC, 0, 2, 2, core));
    r.record(new TraceEvent.BlockDone(4_240, 7, 0, 2, 2, core));
    r.finish(4_240);
    JsonNode slice = null;
    for (JsonNode e : JSON.readTree(out.toByteArray()).get("traceEvents")) {
      if (e.get("ph").asText().equals("X")) {
        slice = e;
      }
    }
    assertThat(slice).isNotNull();
    assertThat(slice.get("name").asText()).isEqualTo("t7 qk");
    assertThat(slice.get("ts").decimalValue()).isEqualByComparingTo("1.234");
    assertThat(slice.get("dur").decimalValue()).isEqualByComparingTo("3.006");
    assertThat(slice.get("tid").asInt()).isEqualTo(105);
    assertThat(slice.get("args").get("block").asText()).isEqualTo("0/2");
    assertThat(slice.get("args").get("tick").asLong()).isEqualTo(61);
  }

  @Test
  void abortedRunClosesOpenSlicesSoTheyNest() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceRecorder r = new TraceRecorder(List.of(new ChromeTraceWriter(out, 3)));
    r.record(new TraceEvent.ScopeBegin(0, 1, "AUTO", 1));
    r.record(new TraceEvent.ScopeBegin(10, 2, "MANUAL", 2));
    r.record(new TraceEvent.AllocStall(20, 2, "task_ring", 0, 7));
    r.record(new TraceEvent.Dispatch(25, 3, "sf", Shape.AIV, 0, 1, 0, new CoreId(CoreType.AIV, 0)));
    r.record(new TraceEvent.Abort(1_000_020, 3, "FATAL: Task Allocator Deadlock - Task Ring Full!"));
    r.finish(1_000_020);
    JsonNode root = JSON.readTree(out.toByteArray());
    assertValidChromeTrace(out.toByteArray());
    List<String> names = new ArrayList<>();
    for (JsonNode e : root.get("traceEvents")) {
      if (e.get("ph").asText().equals("X")) {
        names.add(e.get("name").asText());
      }
    }
    assertThat(names).containsExactly("alloc stall ring 2 (task_ring)", "scope 2 MANUAL", "scope 1 AUTO", "t3 sf (unfinished)");
  }

  /** A MIX block: one slice per core, from the block's dispatch to that core's own subtask done. */
  @Test
  void aMixBlockIsOneSlicePerCoreEndingAtItsOwnSubtask() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceRecorder r = new TraceRecorder(List.of(new ChromeTraceWriter(out, 3)));
    CoreId aic = new CoreId(CoreType.AIC, 1);
    CoreId aiv = new CoreId(CoreType.AIV, 2);
    r.record(new TraceEvent.Dispatch(1_000, 9, "mm", Shape.MIX, 0, 1, 1, aic));
    r.record(new TraceEvent.SubtaskDone(3_000, 9, 0, 1, 1, aic));
    r.record(new TraceEvent.SubtaskDone(8_000, 9, 0, 1, 1, aiv));
    r.record(new TraceEvent.BlockDone(8_000, 9, 0, 1, 1, aic));
    r.finish(8_000);
    assertValidChromeTrace(out.toByteArray());
    List<String> slices = new ArrayList<>();
    for (JsonNode e : JSON.readTree(out.toByteArray()).get("traceEvents")) {
      if (e.get("ph").asText().equals("X")) {
        slices.add(e.get("tid").asInt() + " " + e.get("name").asText() + " " + e.get("ts").decimalValue().toPlainString()
            + "+" + e.get("dur").decimalValue().toPlainString());
      }
    }
    assertThat(slices).containsExactly("101 t9 mm 1.0+2.0", "1002 t9 mm 1.0+7.0");
  }

  /**
   * main's pending slot: a block pre-loaded on a busy core is open beside the running one; its slice
   * starts where the running one's ends, so the core's track has no overlap.
   */
  @Test
  void aPreloadedBlockIsSlicedAfterTheRunningOne() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TraceRecorder r = new TraceRecorder(List.of(new ChromeTraceWriter(out, 3)));
    CoreId aic = new CoreId(CoreType.AIC, 0);
    r.record(new TraceEvent.Dispatch(1_000, 1, "qk", Shape.AIC, 0, 1, 0, aic));
    r.record(new TraceEvent.Dispatch(1_500, 2, "qk", Shape.AIC, 0, 1, 0, aic));
    r.record(new TraceEvent.BlockDone(4_000, 1, 0, 1, 0, aic));
    r.record(new TraceEvent.BlockDone(7_000, 2, 0, 1, 0, aic));
    r.finish(7_000);
    assertValidChromeTrace(out.toByteArray());
    List<String> slices = new ArrayList<>();
    for (JsonNode e : JSON.readTree(out.toByteArray()).get("traceEvents")) {
      if (e.get("ph").asText().equals("X")) {
        slices.add(e.get("name").asText() + " " + e.get("ts").decimalValue().toPlainString() + "+" + e.get("dur").decimalValue().toPlainString());
      }
    }
    assertThat(slices).containsExactly("t1 qk 1.0+3.0", "t2 qk 4.0+3.0");
  }
}
