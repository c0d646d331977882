package io.ptosim.properties.gen;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * A generated task: a submit, or an alloc_tensors when {@code alloc}. The picks are indexes,
 * reduced modulo the choices available where the task is rendered.
 *
 * @param alloc an alloc_tensors task (no kernel, no inputs, never a consumer)
 * @param kernel index into {@link ProgramRenderer#KERNELS}
 * @param mask index into {@link ProgramRenderer#MASKS}
 * @param blockNum SPMD blocks, 1..4
 * @param deps explicit producers: earlier tasks of the same innermost MANUAL scope (ignored in AUTO
 *     scopes, where add_dependency is invalid)
 * @param reads buffers created earlier in the program that the task reads (INPUT)
 * @param inout a buffer created earlier that the task updates in place (INOUT), 0 for none, else
 *     pick {@code inout - 1}
 */
public record TaskNode(
    boolean alloc, int kernel, int mask, int blockNum, ImmutableList<Integer> deps, ImmutableList<Integer> reads, int inout)
    implements Node {
  public TaskNode {
    Preconditions.checkArgument(kernel >= 0 && mask >= 0 && inout >= 0, "picks must be non-negative");
    Preconditions.checkArgument(blockNum >= 1, "block_num must be positive: %s", blockNum);
    Preconditions.checkNotNull(deps, "deps");
    Preconditions.checkNotNull(reads, "reads");
  }
}
