package io.ptosim.properties.explore;

import com.google.common.collect.ImmutableSortedMap;

/** Hears a campaign's progress (for a progress bar on stderr); called on the folding thread, in program order. */
public interface ExploreListener {
  /** Progress after a program was folded. */
  record Progress(long done, long total, long failures, ImmutableSortedMap<String, Long> checkerStalls) {}

  void progress(Progress progress);

  /** A line worth showing now (a failure being shrunk, a counterexample written). */
  void message(String line);

  ExploreListener SILENT = new ExploreListener() {
    @Override
    public void progress(Progress progress) {}

    @Override
    public void message(String line) {}
  };
}
