package io.ptosim.analysis.exhaustive;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One breadth-first search of a {@link TransitionSystem} under one {@link Semantics}, with every
 * visited state hashed once. With {@code reduced}, a state that enables a {@linkplain
 * TransitionSystem#local local} transition expands only that one (a persistent, invisible set; the
 * state graph is acyclic, so the cycle proviso holds): reachable dead ends and the reachability
 * of the goal are preserved, lengths are not. Without it, the first goal found is at the shortest
 * distance. Stops at the first goal when {@code stopAtGoal}, and after {@code budget} states.
 */
final class StateSearch {

  /** A state as a hash key. */
  private record Key(long[] words) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(words, k.words);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(words);
    }
  }

  private final TransitionSystem system;
  private final List<long[]> states = new ArrayList<>();
  private final List<Integer> parent = new ArrayList<>();
  private final List<Integer> via = new ArrayList<>();
  private final int goal;
  private final int deadEnd;
  private final boolean exhausted;

  StateSearch(TransitionSystem system, Semantics semantics, boolean reduced, boolean stopAtGoal, int budget) {
    this.system = system;
    Map<Key, Integer> seen = new HashMap<>();
    long[] start = system.initial();
    seen.put(new Key(start), 0);
    states.add(start);
    parent.add(-1);
    via.add(-1);
    int firstGoal = -1;
    int firstDeadEnd = -1;
    boolean overBudget = false;
    List<Integer> enabled = new ArrayList<>();
    for (int head = 0; head < states.size(); head++) {
      long[] s = states.get(head);
      if (system.goal(s)) {
        if (firstGoal < 0) {
          firstGoal = head;
          if (stopAtGoal) {
            break;
          }
        }
        continue;
      }
      enabled.clear();
      system.enabled(s, semantics, enabled);
      if (enabled.isEmpty()) {
        if (firstDeadEnd < 0) {
          firstDeadEnd = head;
        }
        continue;
      }
      if (reduced) {
        for (int t : enabled) {
          if (TransitionSystem.local(t)) {
            enabled.clear();
            enabled.add(t);
            break;
          }
        }
      }
      for (int t : enabled) {
        long[] next = system.apply(s, t);
        if (seen.putIfAbsent(new Key(next), states.size()) == null) {
          if (states.size() >= budget) {
            overBudget = true;
            break;
          }
          states.add(next);
          parent.add(head);
          via.add(t);
        }
      }
      if (overBudget) {
        break;
      }
    }
    goal = firstGoal;
    deadEnd = firstDeadEnd;
    exhausted = !overBudget;
  }

  /** States visited (hashed). */
  int states() {
    return states.size();
  }

  /** Whether the whole reachable graph (up to the first goal when stopping there) was visited. */
  boolean exhausted() {
    return exhausted;
  }

  boolean goalReached() {
    return goal >= 0;
  }

  boolean deadEndReached() {
    return deadEnd >= 0;
  }

  /** The schedule from the snapshot to the first goal found. */
  ImmutableList<Step> scheduleToGoal() {
    return path(goal);
  }

  /** The schedule from the snapshot to the first dead end found. */
  ImmutableList<Step> scheduleToDeadEnd() {
    return path(deadEnd);
  }

  /** The first dead end found, described. */
  ImmutableList<String> deadEndState() {
    return deadEnd < 0 ? ImmutableList.of() : system.describe(states.get(deadEnd));
  }

  private ImmutableList<Step> path(int end) {
    if (end < 0) {
      return ImmutableList.of();
    }
    List<Step> steps = new ArrayList<>();
    for (int v = end; parent.get(v) >= 0; v = parent.get(v)) {
      steps.add(system.describe(states.get(parent.get(v)), via.get(v)));
    }
    return ImmutableList.copyOf(steps).reverse();
  }
}
