package io.ptosim.scheduler.version.orch;

/**
 * Where a submit keeps its fanin edges (upstream {@code PTO2FaninBuilder}): the first
 * {@link #inlineCap()} in the task's payload, every later one in an entry of its ring's fanin spill
 * pool ({@code PTO2FaninPool}, as many entries as the ring's dependency pool). Both versions take a
 * spill entry one edge at a time with {@code ensure_space(1)}, while the task already holds its slot
 * and scope reference, and give a task's entries back when last_alive passes it (a scan from the
 * last reclaimed task, done only by the orchestrator inside {@code ensure_space}, with no interval);
 * the blocked wait goes through the version's stall detector.
 */
public interface FaninSpillRules {
  /** Upstream PTO2_FANIN_INLINE_CAP: the fanin edges a task holds without the spill pool. */
  int inlineCap();
}
