package io.ptosim.scheduler.version;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.policy.StallPolicies;

/**
 * One upstream runtime, as a value: its name ({@code --runtime NAME}), the upstream commit it models,
 * and the small rule classes that differ between versions. The model asks the version's rules and
 * never tests the version's name.
 *
 * @param name the name users choose it by
 * @param commit the upstream commit modelled
 * @param summary one line for listings
 * @param defaultPolicy the version's own stall detector ({@link StallPolicies#names()}); {@code --policy} overrides it
 * @param orchestrator the orchestrator-side rules (submit, dep pool, heap, scopes, publish, diagnostics)
 * @param scheduler the scheduler-side rules (ready buffers, dispatch, advance, timeouts)
 */
public record RuntimeVersion(
    String name, String commit, String summary, String defaultPolicy, OrchestratorRules orchestrator,
    SchedulerRules scheduler) {

  public RuntimeVersion {
    Preconditions.checkArgument(!name.isEmpty(), "name");
    Preconditions.checkNotNull(commit, "commit");
    Preconditions.checkNotNull(summary, "summary");
    Preconditions.checkArgument(StallPolicies.names().contains(defaultPolicy), "unknown default policy '%s'", defaultPolicy);
    Preconditions.checkNotNull(orchestrator, "orchestrator");
    Preconditions.checkNotNull(scheduler, "scheduler");
  }

  @Override
  public String toString() {
    return name;
  }
}
