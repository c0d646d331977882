package io.ptosim.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.DepPoolRecord;
import io.ptosim.analysis.snapshot.Edge;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeMode;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.WaitResource;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SnapshotParserTest {
  private static final String TASK =
      "task=1 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1";
  private static final TaskRecord TASK_1 = TaskRecord.of(
      1, TaskState.COMPLETED, Count.of(2, 2), Count.of(1, 2), 2, Count.of(1, 1), 1, 1);

  private static ParsedSnapshot parse(String text) throws SnapshotFormatException {
    return SnapshotParser.parse(text);
  }

  @Test
  void readsTheDeviceTaskLine() throws Exception {
    assertThat(parse(TASK).snapshot().tasks()).containsExactly(TASK_1);
  }

  @Test
  void keyOrderIsFreeUnknownKeysAreIgnoredAndTabsSeparate() throws Exception {
    String line = "next_block=1\tblock_num=1 colour=blue done=1/1  active_mask=2\t\tfanout=1/2 fanin=2/2"
        + " state=3 task=1";
    assertThat(parse(line).snapshot().tasks()).containsExactly(TASK_1);
  }

  @Test
  void logPrefixesBeforeTheRecordAreAllowed() throws Exception {
    ParsedSnapshot parsed = parse(
        "[2025-01-07 10:11:12.345] [pto2] W/aicpu 3: " + TASK + "\n"
            + "pid=41 I sched: dispatch: thread=0 shape=1 task=1 block=0/1");
    assertThat(parsed.snapshot().tasks()).containsExactly(TASK_1);
    assertThat(parsed.snapshot().evidence()).hasSize(1);
    assertThat(parsed.skippedLines()).isZero();
  }

  @Test
  void proseThatMentionsATokenIsNotARecordAndIsCounted() throws Exception {
    ParsedSnapshot parsed = parse(String.join("\n",
        "# a comment",
        "",
        "   ",
        "The critical detail is that task=2 is already READY with fanin=2/2, so progress exists.",
        "task 1 = COMPLETED",
        "  \u2022 0 = PENDING",
        "dispatch -> ready",
        "foo=bar baz=1",
        TASK));
    assertThat(parsed.skippedLines()).isEqualTo(5);
    assertThat(parsed.snapshot().tasks()).containsExactly(TASK_1);
  }

  @Test
  void optionalTaskTokens() throws Exception {
    Snapshot snapshot = parse(TASK + " ring=2 scope=7 kind=alloc").snapshot();
    TaskRecord task = snapshot.tasks().get(0);
    assertThat(task.ring()).isEqualTo(OptionalInt.of(2));
    assertThat(task.scope()).isEqualTo(OptionalLong.of(7));
    assertThat(task.hidden()).isTrue();
    assertThat(snapshot.rings()).containsExactly(new RingRecord(2, RingRecord.DEFAULT_WINDOW, 1, 2));
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 2));
  }

  @Test
  void statesByName() throws Exception {
    assertThat(parse(TASK.replace("state=3", "state=completed")).snapshot().tasks()).containsExactly(TASK_1);
  }

  @Test
  void everyRecordKind() throws Exception {
    Snapshot snapshot = parse(String.join("\n",
        "ring=0 window=8 last_alive=1 current=3",
        "orchestrator=blocked waiting=heap ring=0",
        "scope=4 mode=MANUAL state=open ring=0 depth=1",
        TASK,
        "edge=1->2",
        "pending=complete at_ns=1200 task=1",
        "pending=orchestrator at_ns=1300",
        "ready(local): task=2 shape=0 fanin=2/2")).snapshot();
    assertThat(snapshot.rings()).containsExactly(new RingRecord(0, 8, 1, 3));
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.HEAP, 0));
    assertThat(snapshot.scopes())
        .containsExactly(new ScopeRecord(4, ScopeMode.MANUAL, true, OptionalInt.of(0), OptionalInt.of(1)));
    assertThat(snapshot.edges()).hasValue(com.google.common.collect.ImmutableList.of(new Edge(1, 2)));
    assertThat(snapshot.pending()).hasValue(com.google.common.collect.ImmutableList.of(
        PendingEvent.of(1200, "complete", 1), PendingEvent.of(1300, "orchestrator")));
    assertThat(snapshot.evidence()).hasSize(1);
  }

  @Test
  void theDependencyPoolWaitRoundTrips() throws Exception {
    String text = String.join("\n",
        "ring=2 window=16384 last_alive=8589934603 current=8589934608 dep_pool=16/16 dep_reclaim_at=8589934656",
        "orchestrator=blocked waiting=dep_pool ring=2 needed=4");
    Snapshot snapshot = parse(text).snapshot();
    assertThat(snapshot.rings()).containsExactly(new RingRecord(2, 16384, 8589934603L, 8589934608L)
        .withDepPool(new DepPoolRecord(16, 16, 8589934656L)));
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.DEP_POOL, 2, 4));
    assertThat(SnapshotPrinter.print(snapshot)).contains(text);
    assertThat(parse(SnapshotPrinter.print(snapshot)).snapshot()).isEqualTo(snapshot);
  }

  @Test
  void theBlockedSubmitsScopeRoundTrips() throws Exception {
    String text = String.join("\n",
        "ring=1 window=4 last_alive=4294967296 current=4294967299",
        "orchestrator=blocked waiting=task_ring ring=1 scope=1",
        "scope=1 mode=AUTO state=open ring=1 depth=1");
    Snapshot snapshot = parse(text).snapshot();
    assertThat(snapshot.orchestrator())
        .isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 1, 0, OptionalLong.of(1)));
    assertThat(SnapshotPrinter.print(snapshot)).contains("orchestrator=blocked waiting=task_ring ring=1 scope=1\n");
    assertThat(parse(SnapshotPrinter.print(snapshot)).snapshot()).isEqualTo(snapshot);
  }

  @Test
  void anOrchestratorRecordWithoutScopeStillParsesAsBefore() throws Exception {
    Snapshot snapshot = parse("ring=1 window=4 last_alive=4294967296 current=4294967299\n"
        + "orchestrator=blocked waiting=task_ring ring=1").snapshot();
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 1));
    assertThat(((OrchestratorState.Blocked) snapshot.orchestrator()).scope()).isEmpty();
  }

  @Test
  void aBlockedSubmitsScopeWithoutARecordIsAnInputError() {
    assertThatThrownBy(() -> parse("ring=1 window=4 last_alive=4294967296 current=4294967299\n"
        + "orchestrator=blocked waiting=task_ring ring=1 scope=7\n"
        + "scope=1 mode=AUTO state=open ring=1 depth=1"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("line 2: bad token 'scope=7': the blocked submit's scope has no scope record");
  }

  @Test
  void noneMarksEdgesAndPendingKnownButEmpty() throws Exception {
    Snapshot snapshot = parse(TASK + "\nedge=none\npending=none\norchestrator=running").snapshot();
    assertThat(snapshot.edges()).hasValue(com.google.common.collect.ImmutableList.of());
    assertThat(snapshot.pending()).hasValue(com.google.common.collect.ImmutableList.of());
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Running());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", textBlock = """
      task=x state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1 => line 3: bad token 'task=x': expected a non-negative decimal number
      task=1 state=9 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1 => line 3: bad token 'state=9': expected 0..4 or PENDING|READY|RUNNING|COMPLETED|CONSUMED
      task=1 state=3 fanin=3 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1 => line 3: bad token 'fanin=3': expected a/b
      task=1 state=3 fanin=4/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1 => line 3: bad token 'fanin=4/2': done exceeds total
      task=1 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 => line 3: missing token 'next_block=' in task record
      task=1 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=-1 next_block=1 => line 3: bad token 'block_num=-1': expected a non-negative decimal number
      task=1 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1 state=2 => line 3: bad token 'state=2': duplicate key 'state'
      task=1 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1 kind=big => line 3: bad token 'kind=big': expected kind=alloc (or kind=task)
      task=99999999999999999999 state=3 fanin=2/2 fanout=1/2 active_mask=2 done=1/1 block_num=1 next_block=1 => line 3: bad token 'task=99999999999999999999': expected a non-negative decimal number
      edge=1-2 => line 3: bad token 'edge=1-2': expected P->C
      edge=2->2 => line 3: bad token 'edge=2->2': a task cannot depend on itself
      ring=0 window=0 last_alive=1 current=2 => line 3: bad token 'window=0': window must be at least 1
      ring=0 last_alive=5 current=2 => line 3: bad token 'last_alive=5': last_alive exceeds current 2
      scope=1 mode=SOMETIMES state=open => line 3: bad token 'mode=SOMETIMES': expected AUTO or MANUAL
      scope=1 mode=AUTO => line 3: missing token 'state=' in scope record
      orchestrator=asleep => line 3: bad token 'orchestrator=asleep': expected blocked, running or finished
      orchestrator=blocked waiting=disk ring=0 => line 3: bad token 'waiting=disk': expected task_ring, heap, dep_pool or fanin_pool
      ring=0 last_alive=1 current=2 dep_pool=3/4 => line 3: bad token 'dep_pool=3/4': dep_pool and dep_reclaim_at go together
      ring=0 last_alive=1 current=2 dep_pool=5/4 dep_reclaim_at=64 => line 3: bad token 'dep_pool=5/4': done exceeds total
      pending=complete task=1 => line 3: missing token 'at_ns=' in pending record
      dispatch: thread=0 shape=0 task=1 block=1/1 => line 3: bad token 'block=1/1': block index must be below the block count
      ready(local): task=1 shape=0 => line 3: missing token 'fanin=' in ready(local) trace record
      """)
  void badValuesNameTheLineAndTheToken(String line, String message) {
    String text = "# snapshot\n" + TASK.replace("task=1", "task=0") + "\n" + line.strip();
    assertThatThrownBy(() -> parse(text))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((SnapshotFormatException) e).line()).isEqualTo(3));
  }

  @Test
  void aDuplicateTaskIdNamesBothLines() {
    assertThatThrownBy(() -> parse(TASK + "\n\n" + TASK))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("line 3: bad token 'task=1': duplicate task id (first on line 1)");
  }

  @Test
  void duplicateRecordsNameTheFirstLine() {
    assertThatThrownBy(() -> parse("edge=1->2\nedge=1->2"))
        .hasMessage("line 2: bad token 'edge=1->2': duplicate edge (first on line 1)");
    assertThatThrownBy(() -> parse("orchestrator=running\norchestrator=finished"))
        .hasMessage("line 2: bad token 'orchestrator=finished': duplicate orchestrator record (first on line 1)");
    assertThatThrownBy(() -> parse("ring=0 last_alive=0 current=0\nring=0 last_alive=0 current=0"))
        .hasMessage("line 2: bad token 'ring=0': duplicate ring record (first on line 1)");
  }

  @Test
  void theExceptionKeepsTheToken() {
    assertThatThrownBy(() -> parse(TASK.replace("fanin=2/2", "fanin=4/2")))
        .isInstanceOfSatisfying(SnapshotFormatException.class,
            e -> assertThat(e.token()).isEqualTo("fanin=4/2"));
  }

  @Test
  void defaultsWhenRecordsAreAbsent() throws Exception {
    Snapshot snapshot = parse(TASK.replace("task=1", "task=7") + "\n" + TASK.replace("task=1", "task=3"))
        .snapshot();
    assertThat(snapshot.rings()).containsExactly(new RingRecord(0, 16_384, 3, 8));
    assertThat(snapshot.orchestrator()).isEqualTo(new OrchestratorState.Blocked(WaitResource.TASK_RING, 0));
    assertThat(snapshot.scopes()).isEmpty();
    assertThat(snapshot.edgesKnown()).isFalse();
    assertThat(snapshot.pending()).isEmpty();
  }
}
