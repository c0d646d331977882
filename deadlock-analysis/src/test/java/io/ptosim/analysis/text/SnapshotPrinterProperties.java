package io.ptosim.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.snapshot.Count;
import io.ptosim.analysis.snapshot.OrchestratorState;
import io.ptosim.analysis.snapshot.PendingEvent;
import io.ptosim.analysis.snapshot.RingRecord;
import io.ptosim.analysis.snapshot.ScopeMode;
import io.ptosim.analysis.snapshot.ScopeRecord;
import io.ptosim.analysis.snapshot.Snapshot;
import io.ptosim.analysis.snapshot.TaskRecord;
import io.ptosim.analysis.snapshot.TaskState;
import io.ptosim.analysis.snapshot.TraceEvidence;
import io.ptosim.analysis.snapshot.WaitResource;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The printer writes what the parser reads back. */
class SnapshotPrinterProperties {

  @Property(tries = 1000)
  void parsingWhatWasPrintedGivesTheSameSnapshot(@ForAll long seed) throws Exception {
    Snapshot snapshot = anySnapshot(new Random(seed));
    String text = SnapshotPrinter.print(snapshot);

    ParsedSnapshot parsed = SnapshotParser.parse(text);
    assertThat(parsed.snapshot()).isEqualTo(snapshot);
    assertThat(parsed.skippedLines()).isZero();
    assertThat(SnapshotPrinter.print(parsed.snapshot())).isEqualTo(text);
  }

  /** Any well-formed snapshot: states and counters need not obey the runtime's rules. */
  static Snapshot anySnapshot(Random random) {
    Snapshot.Builder builder = Snapshot.builder();
    int rings = 1 + random.nextInt(3);
    boolean ringRecords = random.nextBoolean();
    long id = random.nextInt(1000);
    boolean idIsATask = false; // a pending event may only name a task of the snapshot
    for (int r = 0; r < rings; r++) {
      long first = ((long) r << 32) | id;
      int tasks = random.nextInt(6);
      idIsATask |= r == 0 && tasks > 0;
      for (int k = 0; k < tasks; k++) {
        builder.addTask(new TaskRecord(first + k, TaskState.ofCode(random.nextInt(5)), count(random),
            count(random), random.nextInt(16), count(random), 1 + random.nextInt(4), random.nextInt(4),
            r == 0 && random.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(r),
            random.nextBoolean() ? OptionalLong.of(random.nextInt(3)) : OptionalLong.empty(),
            random.nextInt(5) == 0));
      }
      if (ringRecords) {
        builder.addRing(new RingRecord(r, 1 + random.nextInt(1 << 16), first, first + tasks + random.nextInt(3)));
      }
    }
    int scopes = random.nextInt(3);
    for (int s = scopes; s > 0; s--) {
      builder.addScope(new ScopeRecord(s, random.nextBoolean() ? ScopeMode.AUTO : ScopeMode.MANUAL,
          random.nextBoolean(),
          random.nextBoolean() ? OptionalInt.of(random.nextInt(4)) : OptionalInt.empty(),
          random.nextBoolean() ? OptionalInt.of(random.nextInt(4)) : OptionalInt.empty()));
    }
    switch (random.nextInt(4)) {
      case 0 -> { } // the default
      case 1 -> builder.orchestrator(new OrchestratorState.Running());
      case 2 -> builder.orchestrator(new OrchestratorState.Finished());
      default -> builder.orchestrator(new OrchestratorState.Blocked(
          random.nextBoolean() ? WaitResource.HEAP : WaitResource.TASK_RING, random.nextInt(rings), 0,
          // a blocked submit's scope, when named, has a record
          scopes > 0 && random.nextBoolean() ? OptionalLong.of(1 + random.nextInt(scopes)) : OptionalLong.empty()));
    }
    switch (random.nextInt(3)) {
      case 0 -> { } // edges unknown
      case 1 -> builder.edgesKnown();
      default -> {
        for (int e = 1 + random.nextInt(4); e > 0; e--) {
          builder.addEdge(id + e, id + e + 1 + random.nextInt(3) * 10L);
        }
      }
    }
    switch (random.nextInt(3)) {
      case 0 -> { } // a device snapshot
      case 1 -> builder.pendingKnown();
      default -> {
        builder.addPending(idIsATask ? PendingEvent.of(random.nextInt(10_000), "block_done", id)
            : PendingEvent.of(random.nextInt(10_000), "dispatch"));
        builder.addPending(PendingEvent.of(random.nextInt(10_000), "orchestrator"));
      }
    }
    if (random.nextBoolean()) {
      builder.addEvidence(TraceEvidence.dispatch(random.nextInt(3), random.nextInt(3), id, 0, 2));
      builder.addEvidence(TraceEvidence.readyLocal(id + 1, random.nextInt(3), Count.of(2, 2)));
    }
    return builder.build();
  }

  private static Count count(Random random) {
    int total = random.nextInt(5);
    return Count.of(random.nextInt(total + 1), total);
  }
}
