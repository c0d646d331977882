package io.ptosim.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class ProgramValidatorTest {
  private static final TensorArg OUT = TensorArg.output(4096, 64);

  private static Op.Submit submit(long task) {
    return new Op.Submit(task, "qk", 1, 1, ImmutableList.of());
  }

  private static Op.AllocTensors alloc(long task) {
    return new Op.AllocTensors(task, ImmutableList.of(OUT));
  }

  private static Op.ScopeBegin begin(ScopeMode mode) {
    return new Op.ScopeBegin(mode);
  }

  private static Op end() {
    return new Op.ScopeEnd();
  }

  private static Op dep(long p, long c) {
    return new Op.AddDependency(p, c);
  }

  private static void assertRejected(String message, int opIndex, Op... ops) {
    Program program = new Program("t", ImmutableList.copyOf(ops));
    assertThatThrownBy(() -> ProgramValidator.validate(program))
        .isInstanceOfSatisfying(ProgramException.class, e -> assertThat(e.opIndex()).isEqualTo(opIndex))
        .hasMessage(message);
  }

  @Test
  void acceptsNestedManualScopesAndRepeatedEdges() throws ProgramException {
    Program p = new Program("ok", ImmutableList.of(
        begin(ScopeMode.AUTO), alloc(0), begin(ScopeMode.MANUAL), submit(1), submit(2), dep(1, 2), dep(1, 2),
        begin(ScopeMode.MANUAL), submit(3), submit(4), dep(3, 4), end(), end(), end()));
    assertThat(ProgramValidator.validate(p)).isSameAs(p);
    assertThat(p.explicitDependencies().asMap()).containsExactly(
        java.util.Map.entry(2L, java.util.Set.of(1L)), java.util.Map.entry(4L, java.util.Set.of(3L)));
  }

  @Test
  void scopeEndWithoutOpenScope() {
    assertRejected("op 2: scope_end without an open scope", 2, begin(ScopeMode.AUTO), end(), end());
  }

  @Test
  void unclosedScopeNamesItsBegin() {
    assertRejected("op 0: scope is never closed", 0, begin(ScopeMode.AUTO), begin(ScopeMode.MANUAL), end());
  }

  @Test
  void topLevelTasksRunInTheExecutorsOuterScope() throws ProgramException {
    // Like an upstream orchestration function: no scope of its own around its top-level tasks.
    Program p = new Program("top", ImmutableList.of(
        submit(0), begin(ScopeMode.AUTO), end(), alloc(1), begin(ScopeMode.MANUAL), submit(2), end()));
    assertThat(ProgramValidator.validate(p)).isSameAs(p);
    // The outer scope is AUTO: an explicit edge into its task comes with that task's submit (main's set_dependencies).
    Program withEdge = new Program("top-edge", ImmutableList.of(submit(0), submit(1), dep(0, 1)));
    assertThat(ProgramValidator.validate(withEdge)).isSameAs(withEdge);
    assertRejected("op 3: add_dependency: producer 0 is outside the MANUAL region of consumer 1 (opened at op 1)", 3,
        submit(0), begin(ScopeMode.MANUAL), submit(1), dep(0, 1), end());
  }

  @Test
  void duplicateTaskId() {
    assertRejected("op 2: duplicate task id 0 (already created at op 1)", 2, begin(ScopeMode.AUTO), alloc(0), submit(0), end());
  }

  @Test
  void emptyKernelName() {
    assertRejected("op 1: field 'kernel': a kernel name is 1..64 letters, digits, '_', '-' or '.': ' '", 1,
        begin(ScopeMode.AUTO), new Op.Submit(0, " ", 1, 1, ImmutableList.of()), end());
  }

  @Test
  void allocTensorsOutputs() {
    assertRejected("op 1: alloc_tensors needs at least one output", 1,
        begin(ScopeMode.AUTO), new Op.AllocTensors(0, ImmutableList.of()), end());
    assertRejected("op 1: alloc_tensors output 1 must be OUTPUT, not INOUT", 1,
        begin(ScopeMode.AUTO), new Op.AllocTensors(0, ImmutableList.of(OUT, TensorArg.inout(4096, 0, 64))), end());
  }

  @Test
  void autoInsideManual() {
    assertRejected("op 2: AUTO scope inside the MANUAL scope opened at op 1", 2,
        begin(ScopeMode.AUTO), begin(ScopeMode.MANUAL), begin(ScopeMode.AUTO), end(), end(), end());
  }

  @Test
  void scopeDepthLimit() {
    Op[] ops = new Op[65];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = begin(ScopeMode.AUTO);
    }
    assertRejected("op 64: scope nesting deeper than 64", 64, ops);
  }

  @Test
  void addDependencyIntoAnAutoScopeTaskFollowsItsSubmit() throws ProgramException {
    // Main's set_dependencies: any earlier task (another ring, a closed MANUAL scope, an alloc task)
    // may be named, and repeats of a producer count once.
    Program p = new Program("auto", ImmutableList.of(
        alloc(0), begin(ScopeMode.MANUAL), submit(1), end(), begin(ScopeMode.AUTO), submit(2), dep(0, 2), dep(1, 2),
        dep(1, 2), end()));
    assertThat(ProgramValidator.validate(p)).isSameAs(p);
    assertThat(p.explicitDependencies().get(2L)).containsExactly(0L, 1L);
    // The ids come with the submit: the edge must follow its consumer's submit, with only its other edges between.
    assertRejected("op 4: add_dependency: consumer 1 of an AUTO scope is not the task just submitted"
        + " (its explicit dependencies come with its submit)", 4,
        begin(ScopeMode.AUTO), submit(0), submit(1), submit(2), dep(0, 1), end());
    assertRejected("op 3: add_dependency: consumer 0 of an AUTO scope is not the task just submitted"
        + " (its explicit dependencies come with its submit)", 3,
        submit(0), begin(ScopeMode.AUTO), submit(1), dep(1, 0), end());
    assertRejected("op 2: add_dependency: consumer 1 is an alloc_tensors task (completed at submit)", 2,
        submit(0), alloc(1), dep(0, 1));
    assertRejected("op 0: add_dependency names unknown task 0", 0, dep(0, 1));
  }

  @Test
  void anAutoScopeTaskHasNoExplicitDependencyLimit() throws ProgramException {
    // dep-gen-chain-n-391-two-overflow: one task waits on 391 explicit producers (main spills past 64).
    ImmutableList.Builder<Op> ops = ImmutableList.builder();
    for (int p = 0; p < 391; p++) {
      ops.add(submit(p));
    }
    ops.add(submit(391));
    for (int p = 0; p < 391; p++) {
      ops.add(dep(p, 391));
    }
    Program program = new Program("chain", ops.build());
    assertThat(ProgramValidator.validate(program)).isSameAs(program);
    assertThat(program.explicitDependencies().get(391L)).hasSize(391);
  }

  @Test
  void addDependencyUnknownTask() {
    assertRejected("op 2: add_dependency names unknown task 7", 2,
        begin(ScopeMode.MANUAL), submit(0), dep(7, 0), end());
    // A task created later is still unknown when the edge is stated.
    assertRejected("op 2: add_dependency names unknown task 1", 2,
        begin(ScopeMode.MANUAL), submit(0), dep(0, 1), submit(1), end());
  }

  @Test
  void addDependencyOnItself() {
    assertRejected("op 2: add_dependency of task 0 on itself", 2, begin(ScopeMode.MANUAL), submit(0), dep(0, 0), end());
  }

  @Test
  void addDependencyAcrossScopes() {
    assertRejected("op 4: add_dependency: producer 0 is outside the MANUAL region of consumer 1 (opened at op 2)", 4,
        begin(ScopeMode.AUTO), submit(0), begin(ScopeMode.MANUAL), submit(1), dep(0, 1), end(), end());
    // A task of an earlier MANUAL scope (a separate region) cannot be named either.
    assertRejected("op 5: add_dependency: producer 0 is outside the MANUAL region of consumer 1 (opened at op 3)", 5,
        begin(ScopeMode.MANUAL), submit(0), end(), begin(ScopeMode.MANUAL), submit(1), dep(0, 1), end());
    // The consumer is the task just submitted, in the current (innermost) MANUAL scope.
    assertRejected("op 5: add_dependency: task 1 is not in the current MANUAL scope (opened at op 3)", 5,
        begin(ScopeMode.MANUAL), submit(0), submit(1), begin(ScopeMode.MANUAL), submit(2), dep(0, 1), end(), end());
  }

  @Test
  void addDependencyFromAnotherScopeOfTheManualRegion() throws ProgramException {
    // Manual-scope v0: a nested MANUAL scope's task may depend on a task of an enclosing MANUAL
    // scope, and a task of the outer scope on one of a nested scope that has closed: all of them
    // are in the region where only explicit edges order tasks (scope-local buffers).
    Program p = new Program("region", ImmutableList.of(
        begin(ScopeMode.AUTO), begin(ScopeMode.MANUAL), submit(0), begin(ScopeMode.MANUAL), submit(1), dep(0, 1),
        begin(ScopeMode.MANUAL), submit(2), dep(0, 2), dep(1, 2), end(), end(), submit(3), dep(2, 3), end(), end()));
    assertThat(ProgramValidator.validate(p)).isSameAs(p);
    assertThat(p.explicitDependencies().get(2L)).containsExactly(0L, 1L);
  }

  @Test
  void addDependencyProducerAfterConsumer() {
    assertRejected("op 3: add_dependency: producer 1 was created after consumer 0", 3,
        begin(ScopeMode.MANUAL), submit(0), submit(1), dep(1, 0), end());
  }

  @Test
  void addDependencyIntoAllocTask() {
    assertRejected("op 3: add_dependency: consumer 1 is an alloc_tensors task (completed at submit)", 3,
        begin(ScopeMode.MANUAL), submit(0), alloc(1), dep(0, 1), end());
  }

  @Test
  void atMostSixteenExplicitDependencies() {
    ImmutableList.Builder<Op> ops = ImmutableList.builder();
    ops.add(begin(ScopeMode.MANUAL));
    for (int p = 0; p < 17; p++) {
      ops.add(submit(p));
    }
    ops.add(submit(17));
    for (int p = 0; p < 16; p++) {
      ops.add(dep(p, 17));
    }
    ops.add(dep(0, 17)); // a repeat is deduped, as upstream does, and does not count
    ops.add(dep(16, 17)); // op 1 + 18 + 17 = 36
    ops.add(end());
    assertRejected("op 36: add_dependency: consumer 17 has more than 16 explicit dependencies", 36,
        ops.build().toArray(new Op[0]));
  }

  @Test
  void builderBuildReportsInvalidProgramsUnchecked() {
    ProgramBuilder pb = ProgramBuilder.named("bad").scope(ScopeMode.AUTO);
    long a = pb.submit("qk", 1, 1);
    long b = pb.submit("sf", 2, 1);
    pb.addDependency(b, a).endScope();
    assertThatThrownBy(pb::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bad: op 3: add_dependency: consumer 0 of an AUTO scope is not the task just submitted"
            + " (its explicit dependencies come with its submit)");
    assertThat(pb.buildUnvalidated().ops()).hasSize(5);
  }

  @Test
  void builderNumbersTasksInCreationOrder() {
    ProgramBuilder pb = ProgramBuilder.named("ids").scope(ScopeMode.MANUAL);
    assertThat(pb.allocTensors(OUT)).isZero();
    assertThat(pb.submit("qk", 1, 2, TensorArg.input(4096, 0, 64))).isEqualTo(1);
    assertThat(pb.submit("sf", 2, 1)).isEqualTo(2);
    Program p = pb.addDependency(1, 2).endScope().build();
    assertThat(p.taskCount()).isEqualTo(3);
    assertThat(p.ops()).containsExactly(
        begin(ScopeMode.MANUAL), alloc(0), new Op.Submit(1, "qk", 1, 2, ImmutableList.of(TensorArg.input(4096, 0, 64))),
        new Op.Submit(2, "sf", 2, 1, ImmutableList.of()), dep(1, 2), end());
  }
}
