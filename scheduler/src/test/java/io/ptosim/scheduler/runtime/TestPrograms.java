package io.ptosim.scheduler.runtime;

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
   * A v0-style manual scope (depth 1, ring 1) that owns its accumulator: alloc_tensors, then QK
   * (AIC) -> SF (AIV) -> UP (AIV, updating the accumulator), with explicit edges including alloc ->
   * UP. Under deferred publish its hidden task is the first task the scope_end burst would publish.
   */
  public static Program manualScopeWithAlloc() {
    ProgramBuilder pb = ProgramBuilder.named("manual-scope-with-alloc");
    pb.scope(ScopeMode.MANUAL);
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
    return pb.endScope().build();
  }

  /**
   * A deferred task reading a buffer of an earlier, closed MANUAL scope: MANUAL{t0}; MANUAL{t1
   * reads t0's output, t2, t3}. With a window of 4 the orchestrator stalls on t3 while t0 runs;
   * t1 is not wired yet, so t0 retires when it completes (found by the properties module).
   */
  public static Program unwiredCrossScopeConsumer() {
    ProgramBuilder pb = ProgramBuilder.named("unwired-cross-scope-consumer");
    TensorArg out0 = TensorArg.output(1 << 20, 256);
    pb.scope(ScopeMode.MANUAL);
    pb.submit("qk", AIC, 1, out0);
    pb.endScope();
    pb.scope(ScopeMode.MANUAL);
    pb.submit("qk", AIC, 1, out0.as(ArgDirection.INPUT), TensorArg.output(2 << 20, 256));
    pb.submit("qk", AIC, 1, TensorArg.output(3 << 20, 256));
    pb.submit("qk", AIC, 1, TensorArg.output(4 << 20, 256));
    return pb.endScope().build();
  }
}
