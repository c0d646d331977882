package io.ptosim.scheduler.policy;

import io.ptosim.analysis.StallChecker;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.VerdictKind;
import io.ptosim.analysis.verdict.WitnessStep;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Asks the stall checker instead of guessing: at every stall, after every last_alive increase that
 * leaves the allocation blocked, and when nothing is left to run, it classifies the runtime.
 * UNRETIRED_PROGRESS keeps waiting; REAL_DEADLOCK, LOST_WAKEUP and INVARIANT_VIOLATION end the run
 * at once with the resource's error code, the verdict, its reason and its witness. It needs no
 * timer: the checker's answer is exact.
 *
 * <p>A stall and a progress are first offered to the runtime's {@linkplain StallContext#progressProof
 * progress certificate}, which proves UNRETIRED_PROGRESS in the common case (the head's retirement
 * waits only for running or ready work) in microseconds; only when it cannot tell is the runtime
 * snapshotted (with the kernel's pending events) for the full checker, which costs time linear in
 * the live tasks. Quiescence always gets the full checker. Either way every judgement is a verdict.
 */
final class CheckerPolicy implements StallPolicy {

  @Override
  public String name() {
    return StallPolicies.CHECKER;
  }

  @Override
  public StallDecision onStall(StallContext stall) {
    Optional<ProgressProof> proof = stall.progressProof();
    if (proof.isPresent()) {
      stall.verdict(VerdictKind.UNRETIRED_PROGRESS.name(), proof.get().reason(), Optional.of(proof.get().witness()));
      return StallDecision.keepWaiting();
    }
    return judge(stall);
  }

  @Override
  public StallDecision onQuiescent(StallContext stall) {
    return judge(stall);
  }

  private static StallDecision judge(StallContext stall) {
    Verdict verdict = new StallChecker(stall.snapshot()).verdict();
    String witness = verdict.witness().stream().map(WitnessStep::text).collect(Collectors.joining("\n"));
    stall.verdict(verdict.kind().name(), verdict.reason(), Optional.of(witness));
    if (verdict.kind() == VerdictKind.UNRETIRED_PROGRESS) {
      return StallDecision.keepWaiting();
    }
    return StallDecision.abort(stall.resource().errorCode(),
        "ptosim checker: " + verdict.kind().name() + " on ring " + stall.ring() + ": " + verdict.reason());
  }
}
