package io.ptosim.properties.gen;

import com.google.common.collect.ImmutableSortedSet;
import io.ptosim.properties.check.CompletionCheck;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.runtime.PublishMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;

/** Programs paired with the settings each property runs them with. */
public final class Scenarios {
  private Scenarios() {}

  /** Random programs, each with a window larger than the program: no stall is possible. */
  public static Arbitrary<Scenario> unstallable() {
    return Combinators.combine(ProgramArbitraries.programs(), SettingsArbitraries.stalling())
        .as((p, s) -> new Scenario(p, s.withWindow(CompletionCheck.windowAbove(p.taskCount()))));
  }

  /** Random programs on small windows, so that most of them stall and many deadlock. */
  public static Arbitrary<Scenario> stalling() {
    return Combinators.combine(ProgramArbitraries.programs(), SettingsArbitraries.stalling()).as(Scenario::new);
  }

  /**
   * Programs that take {@code fault}'s path ({@link ProgramArbitraries#faultProbingPrograms()}) with
   * the fault switched on, deferred publish and any window.
   */
  public static Arbitrary<Scenario> withFault(Fault fault) {
    return Combinators.combine(ProgramArbitraries.faultProbingPrograms(), SettingsArbitraries.stalling())
        .as((p, s) -> new Scenario(p, deferredWith(s, fault)));
  }

  /** For {@code @ForAll(supplier = Scenarios.Stalling.class)}: {@link #stalling()}. */
  public static final class Stalling implements ArbitrarySupplier<Scenario> {
    @Override
    public Arbitrary<Scenario> get() {
      return stalling();
    }
  }

  /** For {@code @ForAll(supplier = Scenarios.Unstallable.class)}: {@link #unstallable()}. */
  public static final class Unstallable implements ArbitrarySupplier<Scenario> {
    @Override
    public Arbitrary<Scenario> get() {
      return unstallable();
    }
  }

  private static RunSettings deferredWith(RunSettings s, Fault fault) {
    return s.withPublishMode(PublishMode.DEFERRED).withFaults(ImmutableSortedSet.of(fault));
  }
}
