package io.ptosim.scheduler.workload;

import com.google.common.base.Joiner;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;

/** The registry of workloads, chosen by name (sorted, so listings are stable). */
public final class Workloads {
  private static final ImmutableSortedMap<String, Workload> BY_NAME = register(
      new PagedAttention(), new ScopeOverflow(), new SlowHead(), new LostAdvance(), new Demo(), new Chain(),
      new PinnedHead(), new DeferWait());

  private Workloads() {}

  private static ImmutableSortedMap<String, Workload> register(Workload... workloads) {
    ImmutableSortedMap.Builder<String, Workload> map = ImmutableSortedMap.naturalOrder();
    for (Workload w : workloads) {
      map.put(w.name(), w);
    }
    return map.build();
  }

  /** The workload named {@code name}; the exception lists the known names. */
  public static Workload byName(String name) {
    Preconditions.checkNotNull(name, "name");
    Workload w = BY_NAME.get(name);
    if (w == null) {
      throw new IllegalArgumentException("unknown workload '" + name + "' (known: " + Joiner.on(", ").join(names()) + ")");
    }
    return w;
  }

  public static ImmutableSortedSet<String> names() {
    return BY_NAME.keySet();
  }

  public static ImmutableCollection<Workload> all() {
    return BY_NAME.values();
  }
}
