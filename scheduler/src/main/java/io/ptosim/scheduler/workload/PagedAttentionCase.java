package io.ptosim.scheduler.workload;

import com.google.common.base.Joiner;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Collections;

/**
 * One upstream paged-attention test case (examples/a2a3/tensormap_and_ringbuffer/paged_attention,
 * CASES list and golden files): shapes and per-batch context lengths. Only what the orchestration
 * loop reads matters here: batch, heads, head_dim, block_size and the context lengths.
 */
public record PagedAttentionCase(
    String name,
    int batch,
    int numHeads,
    int kvHeadNum,
    int headDim,
    int blockSize,
    ImmutableList<Integer> contextLens,
    int maxModelLen) {

  /** Upstream's q_tile cap: one scope covers at most 128 query heads. */
  public static final int MAX_Q_TILE = 128;

  private static final ImmutableMap<String, PagedAttentionCase> CASES = catalogue(
      uniform("Case1", 256, 16, 128, 128, 8192),
      uniform("Case2", 64, 64, 128, 64, 8192),
      uniform("Case3", 64, 64, 256, 64, 8192),
      // Seed-era shapes (shared/seed-era-runs): the tests/st Case1 tile with fewer batches or blocks.
      uniform("TinyB1C512", 1, 16, 128, 128, 512),
      uniform("SmallB1C8192", 1, 16, 128, 128, 8192),
      uniform("MidB16C8192", 16, 16, 128, 128, 8192),
      small("CaseSmall1", 33),
      small("CaseSmall2", 128),
      small("CaseVarSeq2", 33, 17),
      small("CaseVarSeq4", 33, 64, 128, 15));

  public PagedAttentionCase {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkArgument(batch > 0 && numHeads > 0 && kvHeadNum > 0 && headDim > 0 && blockSize > 0,
        "%s: shapes must be positive", name);
    Preconditions.checkArgument(contextLens.size() == batch, "%s: one context length per batch", name);
    for (int len : contextLens) {
      Preconditions.checkArgument(len > 0 && len <= maxModelLen, "%s: context length %s outside 1..%s", name, len, maxModelLen);
    }
  }

  /** The case named {@code name}; the exception lists the known names. */
  public static PagedAttentionCase byName(String name) {
    PagedAttentionCase c = CASES.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "unknown paged-attention case '" + name + "' (known: " + Joiner.on(", ").join(CASES.keySet()) + ")");
    }
    return c;
  }

  /** All cases in upstream's order. */
  public static ImmutableList<PagedAttentionCase> all() {
    return CASES.values().asList();
  }

  /** Query heads per scope: min(num_heads, 128). */
  public int qTile() {
    return Math.min(numHeads, MAX_Q_TILE);
  }

  /** Scopes per batch: ceil(num_heads / q_tile) (1 for every upstream case). */
  public int qLoop() {
    return (numHeads + qTile() - 1) / qTile();
  }

  /** KV blocks of batch {@code b}: ceil(context_len / block_size). */
  public int kvBlocks(int b) {
    return (contextLens.get(b) + blockSize - 1) / blockSize;
  }

  /** KV blocks reserved per batch in the key/value caches: ceil(max context_len / block_size). */
  public int cacheBlocksPerBatch() {
    return (Collections.max(contextLens) + blockSize - 1) / blockSize;
  }

  /** Tasks the orchestration creates: per batch and q tile, one alloc_tensors task plus 4 per KV block. */
  public long taskCount() {
    long n = 0;
    for (int b = 0; b < batch; b++) {
      n += (long) qLoop() * (1 + 4L * kvBlocks(b));
    }
    return n;
  }

  private static ImmutableMap<String, PagedAttentionCase> catalogue(PagedAttentionCase... cases) {
    ImmutableMap.Builder<String, PagedAttentionCase> map = ImmutableMap.builder();
    for (PagedAttentionCase c : cases) {
      map.put(c.name(), c);
    }
    return map.buildOrThrow();
  }

  /** The hardware cases: every batch has the same context length; max_model_len 32768. */
  private static PagedAttentionCase uniform(String name, int batch, int heads, int headDim, int blockSize, int contextLen) {
    return new PagedAttentionCase(
        name, batch, heads, 1, headDim, blockSize, ImmutableList.copyOf(Collections.nCopies(batch, contextLen)), 32768);
  }

  /** The simulation cases: 16 heads, head_dim 16, block 16, max_model_len 256, one batch per length. */
  private static PagedAttentionCase small(String name, Integer... contextLens) {
    return new PagedAttentionCase(name, contextLens.length, 16, 1, 16, 16, ImmutableList.copyOf(contextLens), 256);
  }
}
