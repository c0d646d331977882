package io.ptosim.scheduler.runtime;

import com.google.common.collect.ImmutableSetMultimap;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.TensorArg;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.function.LongToIntFunction;

/**
 * A submit's fanin, as upstream's {@code PTO2FaninBuilder} collects it: creator retention and
 * TensorMap writers of every non-OUTPUT argument, deduplicated, CONSUMED producers left out. Inside a
 * MANUAL region, tensors created in that region are scope-local (only explicit edges order them);
 * under incremental publish a manual task's explicit edges come with its submit, and so do an AUTO
 * task's where the version takes them (main's set_dependencies): one edge per distinct producer
 * however it was found (upstream's mark_seen dedupe), so the order of discovery does not matter.
 */
final class FaninBuilder {
  private final DeviceRuntime rt;
  private final LongPredicate live;
  private final ImmutableSetMultimap<Long, Long> explicitDeps;
  private final boolean explicitAtSubmit;
  private final boolean autoExplicitAtSubmit;
  private final LongToIntFunction taskOf;
  private long[] producers = new long[16];
  private int count;

  FaninBuilder(DeviceRuntime rt, LongPredicate live, ImmutableSetMultimap<Long, Long> explicitDeps,
      boolean explicitAtSubmit, boolean autoExplicitAtSubmit, LongToIntFunction taskOf) {
    this.rt = rt;
    this.live = live;
    this.explicitDeps = explicitDeps;
    this.explicitAtSubmit = explicitAtSubmit;
    this.autoExplicitAtSubmit = autoExplicitAtSubmit;
    this.taskOf = taskOf;
  }

  /** The producers of {@code s} in {@code scope}, ascending; valid until the next call ({@link #count} of them). */
  long[] gather(Op.Submit s, Scope scope) {
    count = 0;
    for (TensorArg arg : s.args()) {
      if (arg.direction() == ArgDirection.OUTPUT || scopeLocal(arg, scope)) {
        continue;
      }
      for (long p : rt.tensorMap.lookup(arg, live)) {
        add(p);
      }
    }
    if (scope.manual() ? explicitAtSubmit : autoExplicitAtSubmit) {
      for (long programId : explicitDeps.get(s.task())) {
        int p = taskOf.applyAsInt(programId);
        if (live.test(p)) {
          add(p);
        }
      }
    }
    Arrays.sort(producers, 0, count);
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (n == 0 || producers[n - 1] != producers[i]) {
        producers[n++] = producers[i];
      }
    }
    count = n;
    return producers;
  }

  int count() {
    return count;
  }

  private void add(long task) {
    if (count == producers.length) {
      producers = Arrays.copyOf(producers, count * 2);
    }
    producers[count++] = task;
  }

  /** Whether {@code arg}'s buffer was created inside {@code scope}'s MANUAL region. */
  boolean scopeLocal(TensorArg arg, Scope scope) {
    if (!scope.manual()) {
      return false;
    }
    OptionalLong owner = rt.tensorMap.owner(arg.base());
    return owner.isPresent() && rt.tasks.scope[(int) owner.getAsLong()] >= scope.manualRoot;
  }

  /**
   * For the invariant monitor: the creators of buffers {@code task} reads (INPUT, INOUT) that were
   * created in another scope of its MANUAL region. No lookup finds them (the buffers are scope-local),
   * so only an explicit edge orders the two; the monitor checks the runtime wired one.
   */
  void noteDataFlowProducers(int task, Op.Submit s, Scope scope) {
    TaskTable t = rt.tasks;
    for (TensorArg arg : s.args()) {
      if (!arg.direction().looksUp()) {
        continue;
      }
      OptionalLong owner = rt.tensorMap.owner(arg.base());
      if (owner.isEmpty()) {
        continue;
      }
      int p = (int) owner.getAsLong();
      if (p != task && !t.hidden[p] && t.scope[p] >= scope.manualRoot && t.scope[p] != scope.id) {
        rt.monitor.dataFlowProducer(task, p);
      }
    }
  }
}
