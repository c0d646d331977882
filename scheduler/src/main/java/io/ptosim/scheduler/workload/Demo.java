package io.ptosim.scheduler.workload;

import static io.ptosim.scheduler.program.ArgDirection.INOUT;
import static io.ptosim.scheduler.program.ArgDirection.INPUT;

import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.ScopeMode;
import io.ptosim.scheduler.program.TensorArg;

/**
 * A small built-in graph (21 tasks) that exercises every feature once: AIC, AIV and MIX tasks,
 * block_num > 1, an alloc_tensors workspace, AUTO scopes, a MANUAL scope with a nested MANUAL
 * scope, tensors crossing scope boundaries (found through the TensorMap), a partial INOUT overlap
 * and an OUTPUT_EXISTING writer. Rings 0..2 are all used. The mode parameter is ignored.
 */
final class Demo extends NamedWorkload {
  Demo() {
    super("demo", "21-task graph mixing AIC/AIV/MIX, block_num > 1, AUTO and (nested) MANUAL scopes");
  }

  @Override
  public Program program(WorkloadParams params) {
    AddressSpace mem = new AddressSpace();
    long x = mem.allocate(8192);
    long y = mem.allocate(4096);
    long z = mem.allocate(4096);
    long result = mem.allocate(4096);
    ProgramBuilder pb = ProgramBuilder.named("demo");

    // The workspace belongs to the executor's outer scope (ring 0).
    TensorArg ws = mem.output(4096);
    pb.allocTensors(ws);

    // AUTO scope on ring 1: every edge discovered through the TensorMap.
    pb.scope(ScopeMode.AUTO);
    TensorArg a = mem.output(8192);
    pb.submit(Kernels.QK, CoreMasks.AIC, 4, TensorArg.input(x, 0, 8192), a);
    TensorArg b = mem.output(4096);
    pb.submit(Kernels.SF, CoreMasks.AIV, 2, a.as(INPUT), b);
    TensorArg c = mem.output(4096);
    pb.submit(Kernels.MIX, CoreMasks.MIX, 2, a.as(INPUT), b.as(INPUT), c);
    TensorArg d = mem.output(4096);
    pb.submit(Kernels.PV, CoreMasks.AIC, 1, b.as(INPUT), d);
    pb.submit(Kernels.UP, CoreMasks.AIV, 1, c.as(INPUT), d.as(INPUT), ws.as(INOUT));
    pb.endScope();

    // MANUAL scope on ring 1, with a nested MANUAL scope on ring 2; ws crosses the boundary.
    pb.scope(ScopeMode.MANUAL);
    TensorArg e = mem.output(4096);
    long t6 = pb.submit(Kernels.QK, CoreMasks.AIC, 2, TensorArg.input(y, 0, 4096), e);
    TensorArg f = mem.output(4096);
    long t7 = pb.submit(Kernels.SF, CoreMasks.AIV, 1, e.as(INPUT), f);
    pb.addDependency(t6, t7);
    TensorArg g = mem.output(4096);
    long t8 = pb.submit(Kernels.PV, CoreMasks.AIC, 2, f.as(INPUT), g);
    pb.addDependency(t7, t8);
    TensorArg h = mem.output(4096);
    long t9 = pb.submit(Kernels.MIX, CoreMasks.MIX, 1, g.as(INPUT), ws.as(INPUT), h);
    pb.addDependency(t8, t9);
    pb.scope(ScopeMode.MANUAL);
    TensorArg i = mem.output(4096);
    long t10 = pb.submit(Kernels.SF, CoreMasks.AIV, 2, TensorArg.input(z, 0, 4096), i);
    TensorArg j = mem.output(4096);
    long t11 = pb.submit(Kernels.UP, CoreMasks.AIV, 1, i.as(INPUT), j);
    pb.addDependency(t10, t11);
    pb.endScope();
    long t12 = pb.submit(Kernels.UP, CoreMasks.AIV, 1, h.as(INPUT), ws.as(INOUT));
    pb.addDependency(t9, t12);
    pb.endScope();

    // AUTO scope on ring 1 reading results of both earlier scopes, with a nested AUTO scope on ring 2.
    pb.scope(ScopeMode.AUTO);
    TensorArg k = mem.output(4096);
    pb.submit(Kernels.QK, CoreMasks.AIC, 3, ws.as(INPUT), k);
    TensorArg l = mem.output(4096);
    pb.submit(Kernels.SF, CoreMasks.AIV, 2, k.as(INPUT), l);
    TensorArg m = mem.output(4096);
    pb.submit(Kernels.PV, CoreMasks.AIC, 1, l.as(INPUT), j.as(INPUT), m);
    TensorArg n = mem.output(4096);
    pb.submit(Kernels.MIX, CoreMasks.MIX, 2, m.as(INPUT), k.as(INPUT), n);
    pb.submit(Kernels.UP, CoreMasks.AIV, 1, n.as(INPUT), TensorArg.inout(ws.base(), 0, 2048));
    pb.submit(Kernels.UP, CoreMasks.AIV, 1, ws.as(INPUT), TensorArg.outputExisting(result, 0, 4096));
    pb.scope(ScopeMode.AUTO);
    TensorArg o = mem.output(4096);
    pb.submit(Kernels.QK, CoreMasks.AIC, 1, TensorArg.input(result, 0, 4096), o);
    pb.submit(Kernels.SF, CoreMasks.AIV, 1, o.as(INPUT), TensorArg.inout(result, 2048, 2048));
    pb.endScope();
    pb.endScope();

    return pb.build();
  }
}
