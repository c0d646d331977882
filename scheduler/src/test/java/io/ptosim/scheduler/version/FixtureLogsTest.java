package io.ptosim.scheduler.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.analysis.upstream.ReferenceCorpus;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import io.ptosim.scheduler.program.TensorArg;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.run.RunReport;
import io.ptosim.scheduler.run.Simulation;
import io.ptosim.scheduler.runtime.RingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The report ptosim's device prints for four of upstream's fatal-code fixtures, against the real
 * runs' own logs in the corpus: every {@code [ERROR]} line the runtime printed from the function
 * that gave up, without its {@code [file:line]} location, in order.
 */
class FixtureLogsTest {
  private static final Pattern ERROR = Pattern.compile("^\\[ERROR\\] (\\w+): (?:\\[[\\w.]+:\\d+\\] )?(.*)$");

  private static Path run(String name) {
    Optional<Path> corpus = ReferenceCorpus.forTest(ReferenceCorpus.upstreamRuns());
    Assumptions.assumeTrue(corpus.isPresent(), ReferenceCorpus.MISSING);
    return corpus.get().resolve(name);
  }

  /** The log's [ERROR] lines from {@code function}, as ptosim prints them: {@code [ERROR] function: text}. */
  private static List<String> errorLines(Path runDir, String function) throws IOException {
    return Files.readAllLines(runDir.resolve("log.txt"), StandardCharsets.UTF_8).stream()
        .map(ERROR::matcher).filter(Matcher::matches).filter(m -> m.group(1).equals(function))
        .map(m -> "[ERROR] " + m.group(1) + ": " + m.group(2)).toList();
  }

  private static RunReport main(Program p, RingConfig rings) {
    return Simulation.run(RunConfig.builder(p).runtime(RuntimeVersions.main()).platform(PlatformProfiles.a2a3sim())
        .rings(rings).build(), List.of());
  }

  @Test
  void theFaninSpillPoolReportIsTheRealRunsLineForLine() throws IOException {
    Path dir = run("fatal-dep-pool-overflow");
    RunReport r = main(FaninSpillPoolTest.depPoolOverflow(), RingConfig.defaults().withDepPool(4));

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(errorLines(dir, "ensure_space")).hasSize(20);
    assertThat(r.deviceLog()).containsExactlyElementsOf(errorLines(dir, "ensure_space"));
  }

  @Test
  void theSyncStartGuardAndTheExplicitFatalPrintTheRealRunsLine() throws IOException {
    ProgramBuilder sync = ProgramBuilder.named("require-sync-start");
    sync.submit("short", 0b1010, 1000, TensorArg.output(0x1000_0000L, 4));
    RunReport s = main(sync.build(), RingConfig.defaults());
    assertThat(s.exitCode()).isEqualTo(7);
    assertThat(s.deviceLog()).containsExactlyElementsOf(errorLines(run("fatal-require-sync-start-invalid"), "submit_task"));

    ProgramBuilder fatal = ProgramBuilder.named("explicit-fatal");
    fatal.allocTensors(TensorArg.output(0x1000_0000L, 4));
    fatal.reportFatal(9, "st injected fatal");
    RunReport f = main(fatal.build(), RingConfig.defaults());
    assertThat(f.exitCode()).isEqualTo(9);
    assertThat(f.deviceLog())
        .containsExactlyElementsOf(errorLines(run("fatal-explicit-fatal"), "aicpu_orchestration_entry"));
  }

  @Test
  void theSlabOverflowPrintsOnlyTheExecutorsLineAsTheRealRunDoes() throws IOException {
    Path dir = run("fatal-async-wait-overflow");
    ProgramBuilder b = ProgramBuilder.named("async-wait-overflow");
    b.submitRegistering(65, "short", 0b010, 1, TensorArg.output(0x1000_0000L, 4));
    RunReport r = main(b.build(), RingConfig.defaults());

    assertThat(r.exitCode()).isEqualTo(102);
    // the scheduler's complete_slot_task latches the slab's code without a word; the executor reports it
    assertThat(errorLines(dir, "complete_slot_task")).isEmpty();
    assertThat(errorLines(dir, "aicpu_execute")).hasSize(1);
    assertThat(r.deviceLog()).containsExactlyElementsOf(errorLines(dir, "aicpu_execute"));
  }
}
