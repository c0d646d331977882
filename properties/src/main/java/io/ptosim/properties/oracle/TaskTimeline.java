package io.ptosim.properties.oracle;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.ptosim.des.event.TraceEvent;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Where each program task's first dispatch and first completion sit in a trace (event indexes). The orchestrator executes ops in order and records one submit event per created task,
 * so the k-th submit event is the k-th task the program creates; that is how a program-local id is
 * matched to the runtime's id.
 */
public final class TaskTimeline {
  private final ImmutableMap<Long, Long> runtimeIdOf;
  private final Map<Long, Integer> firstDispatchAt = new HashMap<>();
  private final Map<Long, Integer> firstCompleteAt = new HashMap<>();
  private final Map<Long, Boolean> hidden = new HashMap<>();

  private TaskTimeline(Program program, ImmutableList<TraceEvent> events) {
    List<Long> created = new ArrayList<>();
    for (Op op : program.ops()) {
      if (op instanceof Op.Submit s) {
        created.add(s.task());
      } else if (op instanceof Op.AllocTensors a) {
        created.add(a.task());
      }
    }
    ImmutableMap.Builder<Long, Long> ids = ImmutableMap.builder();
    int k = 0;
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      if (e instanceof TraceEvent.Submit s) {
        ids.put(created.get(k++), s.task());
        hidden.put(s.task(), s.hidden());
      } else if (e instanceof TraceEvent.Dispatch d) {
        firstDispatchAt.putIfAbsent(d.task(), i);
      } else if (e instanceof TraceEvent.Complete c) {
        firstCompleteAt.putIfAbsent(c.task(), i);
      }
    }
    this.runtimeIdOf = ids.build();
  }

  public static TaskTimeline of(Program program, ImmutableList<TraceEvent> events) {
    return new TaskTimeline(program, events);
  }

  /** The runtime id of a submitted program task; empty if it was never submitted. */
  public OptionalLong runtimeId(long programTask) {
    Long id = runtimeIdOf.get(programTask);
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /** Program tasks that were submitted, in submit order. */
  public ImmutableList<Long> submitted() {
    return runtimeIdOf.keySet().asList();
  }

  public boolean hidden(long programTask) {
    return hidden.getOrDefault(runtimeIdOf.get(programTask), false);
  }

  public OptionalInt firstDispatch(long programTask) {
    return at(firstDispatchAt, programTask);
  }

  public OptionalInt firstComplete(long programTask) {
    return at(firstCompleteAt, programTask);
  }

  private OptionalInt at(Map<Long, Integer> index, long programTask) {
    Long id = runtimeIdOf.get(programTask);
    Integer at = id == null ? null : index.get(id);
    return at == null ? OptionalInt.empty() : OptionalInt.of(at);
  }
}
