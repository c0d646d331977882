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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChromeTraceWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Structural validation: what Perfetto needs, and slices that nest on every track. */
  static void assertValidChromeTrace(JsonNode root) {
    assertThat(root.has("traceEvents")).isTrue();
    Map<Integer, List<BigDecimal[]>> slicesByTrack = new TreeMap<>();
    for (JsonNode e : root.get("traceEvents")) {
      String ph = e.get("ph").asText();
      assertThat(ph).isIn("X", "i", "M");
      assertThat(e.has("pid")).isTrue();
      if (ph.equals("X")) {
        for (String f : List.of("ts", "dur", "pid", "tid", "name")) {
          assertThat(e.has(f)).as("X event has %s: %s", f, e).isTrue();
        }
        BigDecimal ts = e.get("ts").decimalValue();
        BigDecimal dur = e.get("dur").decimalValue();
        assertThat(dur.signum()).isGreaterThanOrEqualTo(0);
        slicesByTrack.computeIfAbsent(e.get("tid").asInt(), t -> new ArrayList<>()).add(new BigDecimal[] {ts, ts.add(dur)});
      }
    }
    for (var track : slicesByTrack.entrySet()) {
      List<BigDecimal[]> s = track.getValue();
      for (int i = 0; i < s.size(); i++) {
        for (int j = i + 1; j < s.size(); j++) {
          BigDecimal[] a = s.get(i);
          BigDecimal[] b = s.get(j);
          boolean disjoint = a[1].compareTo(b[0]) <= 0 || b[1].compareTo(a[0]) <= 0;
          boolean nested = (a[0].compareTo(b[0]) <= 0 && b[1].compareTo(a[1]) <= 0) || (b[0].compareTo(a[0]) <= 0 && a[1].compareTo(b[1]) <= 0);
          assertThat(disjoint || nested).as("slices overlap on track %s: %s-%s and %s-%s", track.getKey(), a[0], a[1], b[0], b[1]).isTrue();
        }
      }
    }
  }

  @Test
  void toyRunExportsValidChromeTraceWithOneSlicePerBlock() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ToyDevice.run(30, 4, TieBreak.shuffle(9), List.of(new ChromeTraceWriter(out, 3)));
    JsonNode root = JSON.readTree(out.toByteArray());
    assertValidChromeTrace(root);
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
    assertValidChromeTrace(root);
    List<String> names = new ArrayList<>();
    for (JsonNode e : root.get("traceEvents")) {
      if (e.get("ph").asText().equals("X")) {
        names.add(e.get("name").asText());
      }
    }
    assertThat(names).containsExactly("alloc stall ring 2 (task_ring)", "scope 2 MANUAL", "scope 1 AUTO", "t3 sf (unfinished)");
  }
}
