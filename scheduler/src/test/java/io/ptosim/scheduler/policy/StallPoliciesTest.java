package io.ptosim.scheduler.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The policies' rules, each checked against a fake stall. */
class StallPoliciesTest {

  @Test
  void registryKnowsFourPolicies() {
    assertThat(StallPolicies.names()).containsExactly("checker", "legacy", "patient", "scope-aware");
    for (String name : StallPolicies.names()) {
      assertThat(StallPolicies.byName(name).name()).isEqualTo(name);
      assertThat(StallPolicies.byName(name).checksScopeCapacity()).isEqualTo(name.equals("scope-aware") || name.equals("legacy"));
    }
    assertThatThrownBy(() -> StallPolicies.byName("optimistic")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("known: checker, legacy, patient, scope-aware");
  }

  @Test
  void legacyRestartsItsSpinBudgetOnProgressAndThenAborts() {
    StallPolicy legacy = StallPolicies.byName("legacy");
    FakeStall stall = new FakeStall();

    assertThat(legacy.onStall(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(stall.timerAt).isEqualTo(1_000 + 100_000 * 10);
    stall.now = 600_000;
    assertThat(legacy.onProgress(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(stall.timerAt).isEqualTo(1_600_000);

    assertThat(legacy.onTimer(stall)).isEqualTo(StallDecision.abort(3, "FATAL: Task Allocator Deadlock - Task Ring Full!"));
    stall.resource = StallResource.HEAP;
    assertThat(legacy.onTimer(stall)).isEqualTo(StallDecision.abort(2, "FATAL: Task Allocator Deadlock - Heap Exhausted!"));
    stall.resource = StallResource.DEP_POOL;
    // 01d0723's pool prints its report and exit(1)s: no error code latched.
    assertThat(legacy.onTimer(stall)).isEqualTo(StallDecision.abort(0, "FATAL: Dependency Pool Deadlock Detected! (ring 2)"));
    assertThat(stall.verdicts).containsOnly("SPIN_LIMIT");
  }

  @Test
  void scopeAwareChecksEvery1024SpinsThenWaitsForTheBackstop() {
    StallPolicy scopeAware = StallPolicies.byName("scope-aware");
    FakeStall stall = new FakeStall();
    stall.lastProgress = 400;

    // First check 1,024 spins (10 ns each) after the last progress.
    assertThat(scopeAware.onStall(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(stall.timerAt).isEqualTo(400 + 10_240);
    // Not an open-scope head: the backstop's clock starts there and fires at the first check 500 ms on.
    assertThat(scopeAware.onTimer(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(stall.timerAt).isEqualTo(400 + 10_240 + 48_829 * 10_240L);
    assertThat(scopeAware.onTimer(stall))
        .isEqualTo(StallDecision.abort(3, "FATAL: Task Allocator Deadlock - Task Ring Full! ring=2"));

    stall.headIsOldestOpenScopeTask = true;
    stall.resource = StallResource.HEAP;
    assertThat(scopeAware.onProgress(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(scopeAware.onTimer(stall))
        .isEqualTo(StallDecision.abort(2, "FATAL: Task Allocator Deadlock - Heap Exhausted! ring=2"));
    // Main's pool report has no ring in its header.
    stall.resource = StallResource.DEP_POOL;
    assertThat(scopeAware.onProgress(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(scopeAware.onTimer(stall)).isEqualTo(StallDecision.abort(4, "FATAL: Dependency Pool Deadlock Detected!"));
    assertThat(stall.verdicts).containsExactly("BACKSTOP", "SCOPE_CYCLE", "SCOPE_CYCLE");
  }

  @Test
  void patientNeverAborts() {
    StallPolicy patient = StallPolicies.byName("patient");
    FakeStall stall = new FakeStall();

    assertThat(patient.onStall(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(patient.onProgress(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(patient.onTimer(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(patient.onQuiescent(stall)).isEqualTo(StallDecision.keepWaiting());
    assertThat(stall.timerAt).isNull();
    assertThat(stall.verdicts).containsExactly("QUIESCENT");
  }
}
