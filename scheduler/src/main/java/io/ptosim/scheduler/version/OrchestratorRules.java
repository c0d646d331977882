package io.ptosim.scheduler.version;

import com.google.common.base.Preconditions;
import io.ptosim.scheduler.version.orch.DepPoolAccounting;
import io.ptosim.scheduler.version.orch.DepPoolAtMain;
import io.ptosim.scheduler.version.orch.DepPoolAtPr482;
import io.ptosim.scheduler.version.orch.DiagnosticText;
import io.ptosim.scheduler.version.orch.DiagnosticTextAtMain;
import io.ptosim.scheduler.version.orch.DiagnosticTextAtPr482;
import io.ptosim.scheduler.version.orch.ExplicitDepRules;
import io.ptosim.scheduler.version.orch.ExplicitDepsAtMain;
import io.ptosim.scheduler.version.orch.ExplicitDepsAtPr482;
import io.ptosim.scheduler.version.orch.FaninLimitAtMain;
import io.ptosim.scheduler.version.orch.FaninLimitAtPr482;
import io.ptosim.scheduler.version.orch.FaninLimitRule;
import io.ptosim.scheduler.version.orch.FaninSpillAtMain;
import io.ptosim.scheduler.version.orch.FaninSpillAtPr482;
import io.ptosim.scheduler.version.orch.FaninSpillRules;
import io.ptosim.scheduler.version.orch.HeapAllocator;
import io.ptosim.scheduler.version.orch.HeapAtMain;
import io.ptosim.scheduler.version.orch.HeapAtPr482;
import io.ptosim.scheduler.version.orch.PublishRule;
import io.ptosim.scheduler.version.orch.PublishAtMain;
import io.ptosim.scheduler.version.orch.PublishAtPr482;
import io.ptosim.scheduler.version.orch.ScopeRules;
import io.ptosim.scheduler.version.orch.ScopesAtMain;
import io.ptosim.scheduler.version.orch.ScopesAtPr482;
import io.ptosim.scheduler.version.orch.ReportFatalAtMain;
import io.ptosim.scheduler.version.orch.ReportFatalAtPr482;
import io.ptosim.scheduler.version.orch.ReportFatalRule;
import io.ptosim.scheduler.version.orch.StateNumbering;
import io.ptosim.scheduler.version.orch.SyncStartAtMain;
import io.ptosim.scheduler.version.orch.SyncStartAtPr482;
import io.ptosim.scheduler.version.orch.SyncStartGuard;
import io.ptosim.scheduler.version.orch.StatesAtMain;
import io.ptosim.scheduler.version.orch.StatesAtPr482;

/**
 * The orchestrator-side rules of a runtime version: how a submit takes its slot, heap and dependency
 * entries, which scopes may open, whether AUTO-scope tasks take explicit dependencies, where fanin past the inline cap spills, how MANUAL
 * scopes publish, how states are numbered and what a stall prints. Each component is a small rule class behind an interface (package
 * {@code io.ptosim.scheduler.version.orch}).
 *
 * @param depPool dependency-pool accounting
 * @param heap heap placement
 * @param scopes which scope_begin calls are refused
 * @param explicitDeps whether an AUTO-scope task takes explicit dependencies with its submit
 * @param faninSpill the inline fanin cap past which edges take fanin spill pool entries
 * @param faninLimit the limit on a MANUAL task's fanin (pr482's PTO2_MAX_INPUTS)
 * @param syncStart what the submit-time require_sync_start guard latches
 * @param reportFatal whether the orchestration API has rt_report_fatal
 * @param publish how a deferred MANUAL scope wires and publishes
 * @param states the state numbers the version prints
 * @param diagnostics the version's fatal report text
 */
public record OrchestratorRules(DepPoolAccounting depPool, HeapAllocator heap, ScopeRules scopes,
    ExplicitDepRules explicitDeps, FaninSpillRules faninSpill, FaninLimitRule faninLimit,
    SyncStartGuard syncStart,
    ReportFatalRule reportFatal, PublishRule publish, StateNumbering states, DiagnosticText diagnostics) {

  public OrchestratorRules {
    Preconditions.checkNotNull(depPool, "depPool");
    Preconditions.checkNotNull(heap, "heap");
    Preconditions.checkNotNull(scopes, "scopes");
    Preconditions.checkNotNull(explicitDeps, "explicitDeps");
    Preconditions.checkNotNull(faninSpill, "faninSpill");
    Preconditions.checkNotNull(faninLimit, "faninLimit");
    Preconditions.checkNotNull(syncStart, "syncStart");
    Preconditions.checkNotNull(reportFatal, "reportFatal");
    Preconditions.checkNotNull(publish, "publish");
    Preconditions.checkNotNull(states, "states");
    Preconditions.checkNotNull(diagnostics, "diagnostics");
  }

  /** The rules of upstream main at 6ebaf77. */
  public static OrchestratorRules main6ebaf77() {
    return new OrchestratorRules(new DepPoolAtMain(), new HeapAtMain(), new ScopesAtMain(), new ExplicitDepsAtMain(),
        new FaninSpillAtMain(), new FaninLimitAtMain(), new SyncStartAtMain(), new ReportFatalAtMain(),
        new PublishAtMain(), new StatesAtMain(), new DiagnosticTextAtMain());
  }

  /** The rules of PR #482 rebased (01d0723), the seed's runtime. */
  public static OrchestratorRules pr482() {
    return new OrchestratorRules(new DepPoolAtPr482(), new HeapAtPr482(), new ScopesAtPr482(), new ExplicitDepsAtPr482(),
        new FaninSpillAtPr482(), new FaninLimitAtPr482(), new SyncStartAtPr482(), new ReportFatalAtPr482(),
        new PublishAtPr482(), new StatesAtPr482(), new DiagnosticTextAtPr482());
  }
}
