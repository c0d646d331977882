package io.ptosim.properties.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.ptosim.properties.corpus.CorpusEntry;
import io.ptosim.properties.corpus.Replayer;
import io.ptosim.scheduler.fault.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With each bug switch on, a campaign finds a failure, shrinks it and writes a counterexample that
 * replays exactly, and whose runs show the fault's symptom. The #495 faults fail on the first
 * programs of seed 1; lost-advance first fails on program 608 of seed 1 (docs/exploration.md has
 * the campaigns), which shard 609/3000 of a 3,000-program campaign holds alone.
 */
class FaultCampaignTest {
  @TempDir Path dir;

  private ExploreReport.Counterexample campaign(Fault fault, long programs, Shard shard, String symptom) throws IOException {
    return campaign(fault, programs, shard, symptom, Runtimes.DEFAULT);
  }

  private ExploreReport.Counterexample campaign(Fault fault, long programs, Shard shard, String symptom, String runtime)
      throws IOException {
    Campaign c = Campaign.of(1, programs, Optional.of(fault), runtime)
        .withProperties(ImmutableList.of(ExploreProperty.COMPLETION));
    ExploreReport r = new Explorer(c, shard, 1, Optional.of(dir), ExploreListener.SILENT).run();
    assertThat(r.counterexamples()).hasSize(1);
    ExploreReport.Counterexample x = r.counterexamples().get(0);
    assertThat(x.tasks()).isLessThan(x.tasksBefore());
    Replayer.Result replay = Replayer.replay(dir.resolve(x.file()));
    assertThat(replay.differences()).isEmpty();
    assertThat(replay.actual()).anySatisfy(run -> {
      assertThat(run.outcome()).isEqualTo("INVARIANT_VIOLATION");
      assertThat(run.message()).contains(symptom);
    });
    CorpusEntry entry = CorpusEntry.load(dir.resolve(x.file()));
    assertThat(entry.expectation().settings().faults()).containsExactly(fault);
    assertThat(entry.expectation().settings().runtime()).isEqualTo(runtime);
    assertThat(entry.expectation().description()).startsWith("explore: completion fails on program " + x.program() + " of seed 1");
    return x;
  }

  @Test
  void readyWithoutTransition() throws IOException {
    ExploreReport.Counterexample x = campaign(Fault.READY_WITHOUT_TRANSITION, 4, Shard.WHOLE, "in state PENDING");
    assertThat(x.tasks()).isLessThanOrEqualTo(2);
  }

  @Test
  void readyWithoutTransitionUnderPr482() throws IOException {
    // The runtime is part of the counterexample's settings (written to its .expect), so it replays under pr482.
    ExploreReport.Counterexample x = campaign(Fault.READY_WITHOUT_TRANSITION, 4, Shard.WHOLE, "in state PENDING", "pr482");
    assertThat(Files.readString(dir.resolve(x.file().replace(".json", ".expect")))).contains("\"runtime\" : \"pr482\"");
  }

  @Test
  void publishHiddenAlloc() throws IOException {
    ExploreReport.Counterexample x = campaign(Fault.PUBLISH_HIDDEN_ALLOC, 4, Shard.WHOLE, "hidden alloc_tensors task");
    assertThat(x.tasks()).isEqualTo(1);
  }

  @Test
  void lostAdvance() throws IOException {
    ExploreReport.Counterexample x = campaign(Fault.LOST_ADVANCE, 3000, new Shard(609, 3000), "lost advance");
    assertThat(x.program()).isEqualTo(608);
  }
}
