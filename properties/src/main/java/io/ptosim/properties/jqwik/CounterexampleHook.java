package io.ptosim.properties.jqwik;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.ptosim.properties.corpus.CorpusEntry;
import io.ptosim.properties.corpus.ExpectedRun;
import io.ptosim.properties.corpus.Expectation;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.properties.check.CompletionCheck;
import io.ptosim.properties.gen.Scenario;
import io.ptosim.properties.run.RunSettings;
import io.ptosim.properties.run.Runs;
import io.ptosim.scheduler.policy.StallPolicies;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.runtime.PublishMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Wraps every property of a class that adds it ({@code @AddLifecycleHook(CounterexampleHook.class)}):
 *
 * <ul>
 *   <li>with the system property {@value #SEED_PROPERTY} set, the property runs with that seed (the
 *       one a failure report printed), so {@code mvn test -Dtest=X#p -Dptosim.seed=S} reproduces it;
 *   <li>when the property fails, the shrunk {@link Scenario} (or {@link Program}, with an unstallable
 *       window) is written to
 *       {@value #DEFAULT_DIR} (or {@value #DIR_PROPERTY}) as {@code Class.method-SEED.json} plus its
 *       {@code .expect} file: the settings, the failure, and every policy's run as observed, so
 *       {@code Replay} replays it and it can be promoted to the stored corpus.
 * </ul>
 */
public final class CounterexampleHook implements AroundPropertyHook {
  public static final String SEED_PROPERTY = "ptosim.seed";
  public static final String DIR_PROPERTY = "ptosim.counterexamples";
  public static final String DEFAULT_DIR = "target/counterexamples";

  /** Every policy, in the order counterexample files list them. */
  public static final ImmutableList<String> POLICIES =
      ImmutableList.of(StallPolicies.PATIENT, StallPolicies.CHECKER, StallPolicies.LEGACY, StallPolicies.SCOPE_AWARE);

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    String seed = System.getProperty(SEED_PROPERTY, "").trim();
    if (!seed.isEmpty()) {
      context.attributes().setSeed(seed);
    }
    PropertyExecutionResult result = property.execute();
    if (result.status() == PropertyExecutionResult.Status.FAILED) {
      String name = context.containerClass().getSimpleName() + "." + context.targetMethod().getName();
      List<Object> sample = result.shrunkSample().map(s -> s.parameters())
          .or(() -> result.falsifiedParameters()).orElse(List.of());
      String failure = result.throwable().map(t -> String.valueOf(t.getMessage())).orElse("failed");
      try {
        written(name, result.seed().orElse("unknown"), sample, failure)
            .ifPresent(p -> System.err.println("ptosim: counterexample written to " + p.toAbsolutePath()));
      } catch (RuntimeException | IOException e) {
        // The property's own failure is what matters; a failing write must not hide it.
        System.err.println("ptosim: could not write the counterexample: " + e);
      }
    }
    return result;
  }

  @Override
  public PropagationMode propagateTo() {
    // Registered on a class, it must reach the class's properties.
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public int aroundPropertyProximity() {
    // Outside jqwik's own hooks: see the final (shrunk) result.
    return -100;
  }

  private static Optional<Path> written(String name, String seed, List<Object> sample, String failure)
      throws IOException {
    for (Object parameter : sample) {
      Optional<Scenario> found = Optional.empty();
      if (parameter instanceof Scenario scenario) {
        found = Optional.of(scenario);
      } else if (parameter instanceof Program program) {
        // A bare program: record it with settings that cannot stall it.
        found = Optional.of(new Scenario(program, RunSettings.of(PlatformProfiles.A2A3,
            CompletionCheck.windowAbove(program.taskCount()), PublishMode.INCREMENTAL)));
      }
      if (found.isPresent()) {
        Scenario scenario = found.get();
        Path file = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR)).resolve(name + ".seed" + seed + ".json");
        ImmutableList.Builder<ExpectedRun> runs = ImmutableList.builder();
        for (String policy : POLICIES) {
          runs.add(ExpectedRun.of(Runs.run(scenario.program(), scenario.settings(), policy)));
        }
        String first = Splitter.on('\n').trimResults().omitEmptyStrings().splitToList(failure).stream()
            .limit(3).reduce((a, b) -> a + " | " + b).orElse("");
        String description = "counterexample of " + name + " (seed " + seed + ", sample " + sample + "): " + first;
        new CorpusEntry(file, scenario.program(), new Expectation(description, scenario.settings(), runs.build())).write();
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }
}
