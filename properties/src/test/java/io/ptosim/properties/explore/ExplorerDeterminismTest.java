package io.ptosim.properties.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.fault.Fault;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Same seed and shard give the same report whatever the number of threads, and the shards' reports
 * merge into exactly the unsharded report (byte for byte), with failures and counterexamples
 * (a campaign under ready-without-transition, where nearly every program fails).
 */
class ExplorerDeterminismTest {
  private static final Campaign CLEAN = Campaign.of(7, 24, Optional.empty(), Runtimes.DEFAULT);
  /** Few lists, so that merging must pick the campaign's first failures among the shards'. */
  private static final Campaign FAULTY = Campaign.of(3, 12, Optional.of(Fault.READY_WITHOUT_TRANSITION), Runtimes.DEFAULT)
      .withProperties(ImmutableList.of(ExploreProperty.COMPLETION, ExploreProperty.CHECKER_AGREEMENT))
      .withLimits(1, 2, 300);

  private static String run(Campaign c, Shard shard, int jobs) {
    return ExploreReportJson.write(new Explorer(c, shard, jobs, Optional.empty(), ExploreListener.SILENT).run());
  }

  @Test
  void sameReportOnOneAndTwoThreads() {
    String one = run(CLEAN, Shard.WHOLE, 1);
    assertThat(run(CLEAN, Shard.WHOLE, 2)).isEqualTo(one);
    assertThat(run(CLEAN, Shard.WHOLE, 1)).isEqualTo(one);
    ExploreReport r = ExploreReportJson.parse(one);
    assertThat(r.explored()).isEqualTo(24);
    assertThat(r.failed()).isZero();
    // Programs of the stream stall, deadlock and complete: the campaign is not vacuous.
    assertThat(r.outcomes().get("patient")).containsKeys("COMPLETED", "QUIESCENT_BLOCKED");
    assertThat(r.stallVerdicts().get("checker")).containsKeys("REAL_DEADLOCK", "UNRETIRED_PROGRESS");
    assertThat(r.properties().get(ExploreProperty.FAULT_DETECTION).checked()).isEqualTo(6);
  }

  @Test
  void shardsMergeIntoTheUnshardedReport() {
    String whole = run(FAULTY, Shard.WHOLE, 2);
    ExploreReport parsed = ExploreReportJson.parse(whole);
    assertThat(ExploreReportJson.write(parsed)).isEqualTo(whole);
    assertThat(parsed.failed()).isGreaterThan(4);
    assertThat(parsed.failures()).hasSize(4);
    assertThat(parsed.counterexamples()).hasSize(2);
    List<ExploreReport> shards = List.of(
        ExploreReportJson.parse(run(FAULTY, new Shard(2, 3), 1)),
        ExploreReportJson.parse(run(FAULTY, new Shard(1, 3), 2)),
        ExploreReportJson.parse(run(FAULTY, new Shard(3, 3), 1)));
    assertThat(shards).allSatisfy(s -> assertThat(s.explored()).isEqualTo(4));
    assertThat(ExploreReportJson.write(ReportFolder.merge(shards))).isEqualTo(whole);
  }

  @Test
  void mergeRefusesIncompleteOrForeignShards() {
    ExploreReport a = ExploreReportJson.parse(run(CLEAN.withPrograms(4), new Shard(1, 2), 1));
    ExploreReport b = ExploreReportJson.parse(run(CLEAN.withPrograms(4), new Shard(2, 2), 1));
    ExploreReport other = ExploreReportJson.parse(run(CLEAN.withPrograms(5), new Shard(2, 2), 1));
    assertThatThrownBy(() -> ReportFolder.merge(List.of(a))).hasMessage("shard 2/2 is missing");
    assertThatThrownBy(() -> ReportFolder.merge(List.of(a, a))).hasMessage("shard 1/2 given twice");
    assertThatThrownBy(() -> ReportFolder.merge(List.of(a, other))).hasMessageStartingWith("reports of different campaigns");
    assertThat(ReportFolder.merge(List.of(b, a)).explored()).isEqualTo(4);
  }

  @Test
  void programsOpenOnlyScopesTheVersionAccepts() {
    CaseStream main = new CaseStream(2, Optional.empty(), "main-6ebaf77");
    CaseStream pr482 = new CaseStream(2, Optional.empty(), "pr482");
    int mainNested = 0;
    for (long i = 0; i < 200; i++) {
      mainNested += scopesInsideManual(main.at(i).shape().scopes(), false);
      assertThat(scopesInsideManual(pr482.at(i).shape().scopes(), false)).as("program %s under pr482", i).isZero();
    }
    // Main lets MANUAL scopes nest in MANUAL ones, and the stream draws such programs.
    assertThat(mainNested).isGreaterThan(20);
  }

  private static int scopesInsideManual(List<? extends io.ptosim.properties.gen.Node> nodes, boolean insideManual) {
    int n = 0;
    for (io.ptosim.properties.gen.Node node : nodes) {
      if (node instanceof io.ptosim.properties.gen.ScopeNode s) {
        n += (insideManual ? 1 : 0) + scopesInsideManual(s.body(), insideManual || s.mode() == io.ptosim.scheduler.program.ScopeMode.MANUAL);
      }
    }
    return n;
  }

  @Test
  void programIOfASeedDoesNotDependOnWhoAsks() {
    CaseStream s = new CaseStream(5, Optional.empty(), Runtimes.DEFAULT);
    ExploreCase c = s.at(17);
    assertThat(new CaseStream(5, Optional.empty(), Runtimes.DEFAULT).at(17)).isEqualTo(c);
    assertThat(s.at(18).program()).isNotEqualTo(c.program());
    assertThat(new CaseStream(6, Optional.empty(), Runtimes.DEFAULT).at(17).program()).isNotEqualTo(c.program());
  }
}
