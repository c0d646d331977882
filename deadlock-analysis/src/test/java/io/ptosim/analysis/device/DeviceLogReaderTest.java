package io.ptosim.analysis.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.WaitResource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceLogReaderTest {

  @Test
  void mainAllocatorBlockIsReadFieldByField() throws Exception {
    DeviceLog log = DeviceFixtures.read("main-heap-capacity.log");
    assertThat(log.dialect().name()).isEqualTo("main");
    assertThat(log.dialectReason()).isEqualTo("line 3: the [mono_ns=…][T0x…] prefix is main's");
    assertThat(log.blocks()).hasSize(1);
    StallBlock b = log.blocks().get(0);
    assertThat(b.header()).contains(new DeviceRecord.AllocatorHeader(11, WaitResource.HEAP, java.util.OptionalInt.of(1)));
    assertThat(b.field(DeviceRecord.Requested.class).orElseThrow().bytes()).isEqualTo(3072);
    assertThat(b.field(DeviceRecord.HeapRing.class).orElseThrow().size()).isEqualTo(1024);
    DeviceRecord.TaskRing ring = b.field(DeviceRecord.TaskRing.class).orElseThrow();
    assertThat(ring.active()).isEqualTo(Count.of(0, 16384));
    DeviceRecord.Head head = b.field(DeviceRecord.Head.class).orElseThrow();
    assertThat(head.consumers()).contains(Count.of(0, 0));
    assertThat(head.scopeReleased()).contains(false);
    assertThat(b.field(DeviceRecord.Backstop.class).orElseThrow().cycles()).hasValue(25_000_000L);
    assertThat(log.all(DeviceRecord.ThreadFatal.class)).extracting(DeviceRecord.ThreadFatal::code).containsExactly(2);
    assertThat(log.skippedLines()).isEqualTo(19);  // 26 non-blank lines, 7 records
  }

  @Test
  void onboardFormReadsLikeTheSimForm() throws Exception {
    DeviceLog onboard = DeviceFixtures.read("onboard-heap-capacity.log");
    assertThat(onboard.skippedLines()).isEqualTo(1);  // the ===== separator; headers belong to their messages
    StallBlock b = onboard.blocks().get(0);
    assertThat(b.field(DeviceRecord.Requested.class).orElseThrow().bytes()).isEqualTo(3072);
    assertThat(DeviceDecision.decide(onboard).reason())
        .isEqualTo(DeviceFixtures.verdict("main-heap-capacity.log").reason());
  }

  @Test
  void scopeBlockAndThreadFatal() throws Exception {
    DeviceLog log = DeviceFixtures.read("main-scope-deadlock.log");
    StallBlock b = log.blocks().get(0);
    assertThat(b.header()).containsInstanceOf(DeviceRecord.ScopeHeader.class);
    assertThat(b.scopeField("scope_depth")).contains(3L);
    assertThat(b.scopeField("scope_task_count")).contains(3L);
    assertThat(b.field(DeviceRecord.ActiveTasks.class).orElseThrow().active()).isEqualTo(Count.of(3, 4));
    assertThat(b.field(DeviceRecord.ScopeCount.class).orElseThrow().window()).isEqualTo(4);
  }

  @Test
  void poolBlockFields() throws Exception {
    StallBlock b = DeviceFixtures.read("main-dep-pool-backstop.log").blocks().get(0);
    assertThat(b.header()).contains(new DeviceRecord.PoolHeader(4, DeviceRecord.Pool.DEP_POOL, false));
    assertThat(b.field(DeviceRecord.PoolUsed.class).orElseThrow().used()).isEqualTo(Count.of(16384, 16384));
    assertThat(b.field(DeviceRecord.Needed.class).orElseThrow().entries()).isEqualTo(1);
    assertThat(b.field(DeviceRecord.LastAlive.class).orElseThrow().task()).isEqualTo(39629);
    assertThat(b.field(DeviceRecord.CurrentTask.class).orElseThrow().task()).isEqualTo(52759);
    assertThat(b.field(DeviceRecord.InFlight.class).orElseThrow().tasks()).isEqualTo(13130);
    assertThat(b.field(DeviceRecord.Head.class).orElseThrow().consumers()).contains(Count.of(0, 2));
  }

  @Test
  void stallDumpClusterLineIsOneRecordAndUnknownBlockLinesAreSkipped() throws Exception {
    DeviceLog log = DeviceFixtures.read("stall-dump-ready.log");
    assertThat(log.all(DeviceRecord.StallTask.class)).extracting(DeviceRecord.StallTask::taskId)
        .containsExactly(4294967301L, 4294967302L);
    assertThat(log.all(DeviceRecord.StallCluster.class)).extracting(DeviceRecord.StallCluster::allIdle)
        .containsExactly(true, true);
    assertThat(log.all(DeviceRecord.StallSummary.class).get(0).completed()).isEqualTo(Count.of(5, 7));
    assertThat(log.all(DeviceRecord.TimeoutExit.class).get(0).subClass()).isEqualTo("S3:ready-but-all-idle");
    assertThat(log.all(DeviceRecord.ShutdownSnapshot.class).get(0).reason()).isEqualTo("scheduler_timeout");
    assertThat(log.all(DeviceRecord.RuntimeFailed.class).get(0).schedCode()).isEqualTo(100);
    assertThat(log.skippedLines()).isEqualTo(1);  // DEP_POOL_BLOCK ring=2 task_id=... is no record
  }

  @Test
  void olderFormsFromTheIssue() throws Exception {
    DeviceLog log = DeviceFixtures.read("older-forms.log");
    assertThat(log.dialect().name()).isEqualTo("pr482");
    assertThat(log.dialectReason()).isEqualTo("line 1: [TaskAllocator] BLOCKED without a ring is the seed era's");
    assertThat(log.skippedLines()).isZero();
    DeviceRecord.Blocked blocked = log.all(DeviceRecord.Blocked.class).get(0);
    assertThat(blocked.tasks()).isEqualTo(Count.of(16383, 16384));
    assertThat(blocked.on()).isEqualTo("task");
    assertThat(blocked.spins()).isEqualTo(100000);
    StallBlock b = log.blocks().get(0);
    assertThat(b.field(DeviceRecord.TaskRing.class).orElseThrow().lastAlive()).isEqualTo(1357);
    DeviceRecord.Head head = b.field(DeviceRecord.Head.class).orElseThrow();
    assertThat(head.stateName()).contains("COMPLETED");
    assertThat(head.fanout()).contains(Count.of(59, 85));
    assertThat(DeviceFixtures.read("older-dep-pool.log").blocks().get(0).field(DeviceRecord.LastAlive.class)
        .orElseThrow().task()).isEqualTo(165);
  }

  @Test
  void seedEraDialectIsDetectedFromItsFunctionNames() throws Exception {
    DeviceLog log = DeviceFixtures.read("pr482-scope-deadlock.log");
    assertThat(log.dialect().name()).isEqualTo("pr482");
    assertThat(log.dialectReason()).contains("pto2_");
    assertThat(log.all(DeviceRecord.ThreadFatal.class)).extracting(DeviceRecord.ThreadFatal::code).contains(1);
  }

  @Test
  void forcedDialectDecidesTheStateNumbers() throws Exception {
    String text = DeviceFixtures.text("main-dep-pool-backstop.log");
    DeviceLog main = new DeviceLogReader(Optional.of(new MainDialect())).read(text);
    assertThat(main.dialectReason()).isEqualTo("forced by --dialect main");
    // state=1 is COMPLETED in main but READY in the seed era: the verdicts differ.
    assertThat(DeviceDecision.decide(main).reason()).contains("is COMPLETED");
    DeviceLog pr482 = new DeviceLogReader(Optional.of(new Pr482Dialect())).read(text);
    assertThat(DeviceDecision.decide(pr482).reason()).contains("READY");
  }

  @Test
  void badValuesInARecognisedRecordNameTheLine() {
    assertThatThrownBy(() -> new DeviceLogReader(Optional.empty()).read(
        "noise\n[ERROR] report_deadlock: [pto_ring_buffer.h:456]   Head task 0: state=7, consumers=0/0, scope_released=0\n"))
        .isInstanceOf(DeviceLogException.class)
        .hasMessage("line 2: bad value 'state=7' in head task line: dialect main prints 0 PENDING, 1 COMPLETED, 2 CONSUMED")
        .extracting(e -> ((DeviceLogException) e).line()).isEqualTo(2);
    assertThatThrownBy(() -> new DeviceLogReader(Optional.empty()).read(
        "Task ring 1: current=3, last_alive=9, active=0/16384 (0.0%)\n"))
        .hasMessage("line 1: bad value 'last_alive=9' in task ring line: exceeds current=3");
    assertThatThrownBy(() -> new DeviceLogReader(Optional.empty()).read(
        "  Head task 5: state=1, consumers=3/2, scope_released=1\n"))
        .hasMessage("line 1: bad value '3/2' in head task line: done exceeds total");
    assertThatThrownBy(() -> new DeviceLogReader(Optional.empty()).read(
        "  Requested:  99999999999999999999 bytes\n"))
        .hasMessage("line 1: bad value '99999999999999999999' in requested line: not a number that fits 64 bits");
  }

  @Test
  void fuzzFindingsLocalIdsBeyond32BitsAndALoneByteOrderMark() throws Exception {
    assertThatThrownBy(() -> new DeviceLogReader(Optional.empty()).read(
        "Task ring: current=4294967296, last_alive=1357, active=16383/16384 (100.0%)\n"))
        .hasMessage("line 1: bad value '4294967296' in task ring line: a ring-local task id fits 32 bits");
    DeviceLog bom = new DeviceLogReader(Optional.empty()).read("\uFEFF\nPTO2 runtime failed: orch_error_code=5 sched_error_code=0 runtime_status=-5\n");
    assertThat(bom.all(DeviceRecord.RuntimeFailed.class)).hasSize(1);
    assertThat(bom.skippedLines()).isZero();
  }

  @Test
  void binaryInputIsRefusedNamingTheOffset() {
    assertThatThrownBy(() -> new DeviceLogReader(Optional.empty()).read(
        new java.io.ByteArrayInputStream(new byte[] {'o', 'k', '\n', (byte) 0xff, (byte) 0xfe, 0, 1})))
        .isInstanceOf(NotTextException.class)
        .hasMessage("binary data, not text (NUL byte at offset 5)");
    assertThatThrownBy(() -> new DeviceLogReader(Optional.empty()).read(
        new java.io.ByteArrayInputStream(new byte[] {'o', 'k', '\n', 'a', (byte) 0xc3, '\n'})))
        .isInstanceOf(NotTextException.class)
        .hasMessage("not UTF-8 text (bad byte at offset 4)");
  }

  @Test
  void seedSnapshotRecordsAreFlaggedForTheSnapshotParser() throws Exception {
    DeviceLog log = new DeviceLogReader(Optional.empty()).read(
        "Deadlock snapshot at abort:\n\ntask=1 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1\n");
    assertThat(log.seedTaskRecord()).hasValue(3);
    assertThat(log.dialect().name()).isEqualTo("pr482");
  }
}
