package io.ptosim.cli.fuzz;

import java.util.List;
import java.util.function.Supplier;

/** The readers under fuzzing, by name. A new reader's target is one line here. */
public final class FuzzTargets {
  private FuzzTargets() {}

  private static final List<Supplier<FuzzTarget>> ALL = List.of(
      SnapshotTarget::new,
      DeviceLogTarget::new,
      ProgramTarget::new,
      ExpectTarget::new,
      CliFlagsTarget::new,
      DepsJsonTarget::new);

  /** Every target, freshly built. */
  public static List<FuzzTarget> all() {
    return ALL.stream().map(Supplier::get).toList();
  }

  /** The targets called {@code names}, or all of them for an empty list; an unknown name is an {@link IllegalArgumentException}. */
  public static List<FuzzTarget> named(List<String> names) {
    List<FuzzTarget> all = all();
    if (names.isEmpty()) {
      return all;
    }
    List<String> known = all.stream().map(FuzzTarget::name).toList();
    for (String n : names) {
      if (!known.contains(n)) {
        throw new IllegalArgumentException("unknown fuzz target '" + n + "' (known: " + String.join(", ", known) + ")");
      }
    }
    return all.stream().filter(t -> names.contains(t.name())).toList();
  }
}
