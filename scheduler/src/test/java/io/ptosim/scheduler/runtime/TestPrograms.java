package io.ptosim.scheduler.runtime;

import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.program.ArgDirection;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/** Small programs written for the runtime's tests, each exercising one mechanism. */
public final class TestPrograms {
  private static final int AIC = 0b001;
  private static final int AIV = 0b010;

  private TestPrograms() {}

  /**
   * A v0-style manual scope that owns its accumulator: alloc_tensors, then QK (AIC) -> SF (AIV) ->
   * UP (AIV, updating the accumulator), with explicit edges including alloc -> UP. Under deferred
   * publish its hidden task is the first task the scope_end burst would publish.
   */
  public static Program manualScopeWithAlloc() {
    ProgramBuilder pb = ProgramBuilder.named("manual-scope-with-alloc");
    pb.scope(ScopeMode.AUTO).scope(ScopeMode.MANUAL);
    TensorArg acc = TensorArg.output(1 << 20, 4096);
    long alloc = pb.allocTensors(acc);
    TensorArg s = TensorArg.output(2 << 20, 4096);
    long qk = pb.submit("qk", AIC, 1, TensorArg.input(0, 0, 4096), s);
    TensorArg p = TensorArg.output(3 << 20, 2048);
    long sf = pb.submit("sf", AIV, 1, new TensorArg(ArgDirection.INPUT, s.base(), 0, 4096), p);
    pb.addDependency(qk, sf);
    long up = pb.submit("up", AIV, 1, new TensorArg(ArgDirection.INPUT, p.base(), 0, 2048),
        new TensorArg(ArgDirection.INOUT, acc.base(), 0, 4096));
    pb.addDependency(sf, up).addDependency(alloc, up);
    return pb.endScope().endScope().build();
  }

  /**
   * The #1545 race, set up deterministically on the a2a3 profile of {@link #raceProfile()} with
   * ring 2's window at 4: eight long AIC blockers occupy scheduler thread 0's AIC cores, so the
   * ring-2 head H (AIC) runs on thread 1 while its successor X (AIV) runs on thread 0; X's kernel is
   * 650 ns shorter than H's, which, with X submitted 600 ns later, makes thread 0 consume X 50 ns
   * before thread 1 consumes H: inside thread 0's 100 ns hold of the ring's advance lock, whose scan
   * saw H not yet CONSUMED. A short third task fills the window (3 live) and retires first; the
   * fourth submit blocks on ring 2.
   */
  public static Program advanceRace() {
    ProgramBuilder pb = ProgramBuilder.named("advance-race");
    long address = 0;
    pb.scope(ScopeMode.AUTO);
    for (int i = 0; i < 8; i++) {
      pb.submit("blocker", AIC, 1, TensorArg.output(address += 4096, 64));
    }
    String[] kernels = {"head", "next", "tail", "tail"};
    int[] masks = {AIC, AIV, AIV, AIV};
    for (int i = 0; i < kernels.length; i++) {
      pb.scope(ScopeMode.AUTO);
      pb.submit(kernels[i], masks[i], 1, TensorArg.output(address += 4096, 64));
      pb.endScope();
    }
    return pb.endScope().build();
  }

  public static PlatformProfile raceProfile() {
    return PlatformProfiles.a2a3().with("kernel.blocker", 50_000).with("kernel.head", 10_000)
        .with("kernel.next", 9_350).with("kernel.tail", 1_000);
  }

  /** Ring sizes for {@link #advanceRace()}: ring 2 holds at most three live tasks. */
  public static RingConfig raceRings() {
    return RingConfig.defaults().withWindow(2, 4);
  }
}
