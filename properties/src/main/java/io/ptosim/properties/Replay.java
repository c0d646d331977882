package io.ptosim.properties;

import com.google.common.collect.ImmutableList;
import io.ptosim.properties.corpus.CorpusEntry;
import io.ptosim.properties.corpus.ExpectedRun;
import io.ptosim.properties.corpus.FieldDifference;
import io.ptosim.properties.corpus.Replayer;
import io.ptosim.properties.jqwik.CounterexampleHook;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Replays a corpus entry or counterexample, or re-runs one property with a given seed.
 *
 * <pre>
 * Replay FILE.json...                    run each entry's policies, print them, exit 1 on any difference
 *                                        (as {@code ptosim replay}, through the same {@link Replayer})
 * Replay --update FILE.json...           rewrite each entry's .expect runs with what they produce now
 * Replay --seed SEED CLASS#METHOD        run one property (e.g. CheckerAgreementProperties#checkerAgreesWithPatient)
 *                                        with that jqwik seed; needs the test classpath
 * </pre>
 *
 * See docs/properties.md for the Maven command lines.
 */
public final class Replay {
  private static final String PACKAGE = "io.ptosim.properties.";

  private Replay() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(Arrays.asList(args), System.out));
  }

  /** Runs the command line; returns the exit code (0 ok, 1 difference or failure, 2 usage). */
  static int run(List<String> args, PrintStream out) throws IOException {
    if (args.size() == 3 && args.get(0).equals("--seed")) {
      return property(args.get(1), args.get(2), out);
    }
    boolean update = !args.isEmpty() && args.get(0).equals("--update");
    List<String> files = update ? args.subList(1, args.size()) : args;
    if (files.isEmpty() || files.stream().anyMatch(f -> f.startsWith("--"))) {
      out.println("usage: Replay [--update] FILE.json... | Replay --seed SEED CLASS#METHOD");
      return 2;
    }
    int code = 0;
    for (String file : files) {
      code = Math.max(code, entry(Path.of(file), update, out));
    }
    return code;
  }

  private static int entry(Path file, boolean update, PrintStream out) throws IOException {
    Replayer.Result result = Replayer.replay(file);
    CorpusEntry entry = result.entry();
    out.println(file + ": " + entry.program().taskCount() + " tasks, " + entry.expectation().settings().describe());
    ImmutableList<ExpectedRun> actual = result.actual();
    for (ExpectedRun run : actual) {
      out.println("  " + run.policy() + ": " + run.outcome() + (run.verdict().isEmpty() ? "" : " (" + run.verdict() + ")")
          + " stalls=" + run.stallVerdicts() + " hash=" + run.traceHash().substring(0, 16) + " - " + run.message());
    }
    ImmutableList<FieldDifference> differences = result.differences();
    if (update && !differences.isEmpty()) {
      new CorpusEntry(file, entry.program(), entry.expectation().withRuns(actual)).write();
      out.println("  updated " + CorpusEntry.expectFile(file));
      return 0;
    }
    differences.forEach(d -> out.println("  DIFFERS " + d));
    out.println(differences.isEmpty() ? "  as expected" : "  " + differences.size() + " field(s) differ");
    return differences.isEmpty() ? 0 : 1;
  }

  private static int property(String seed, String target, PrintStream out) {
    String method = target.contains(".") ? target : PACKAGE + target;
    int hash = method.indexOf('#');
    Optional<Method> found = Optional.empty();
    if (hash > 0) {
      try {
        // Properties take parameters, so select the method object rather than a name.
        Class<?> container = Class.forName(method.substring(0, hash), false, Thread.currentThread().getContextClassLoader());
        String name = method.substring(hash + 1);
        found = Arrays.stream(container.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst();
      } catch (ClassNotFoundException e) {
        found = Optional.empty();
      }
    }
    if (found.isEmpty()) {
      out.println("no property " + method + " on the classpath (CLASS#METHOD, run with the test classpath: docs/properties.md)");
      return 2;
    }
    System.setProperty(CounterexampleHook.SEED_PROPERTY, seed);
    // Write where a surefire run would (the module's target/), whatever the working directory.
    Path moduleTarget = moduleTarget();
    System.setProperty(CounterexampleHook.DIR_PROPERTY,
        System.getProperty(CounterexampleHook.DIR_PROPERTY, moduleTarget.resolve("counterexamples").toString()));
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectMethod(found.get().getDeclaringClass(), found.get()))
        .configurationParameter("jqwik.database", moduleTarget.resolve(".jqwik-database").toString())
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    TestExecutionSummary s = summary.getSummary();
    s.getFailures().forEach(f -> out.println(f.getTestIdentifier().getDisplayName() + " FAILED with seed " + seed + ":\n"
        + f.getException().getMessage()));
    out.println(method + " with seed " + seed + ": " + s.getTestsSucceededCount() + " passed, " + s.getTotalFailureCount()
        + " failed");
    return s.getTotalFailureCount() == 0 ? 0 : 1;
  }

  /** This module's target/ directory: Replay's classes live in target/classes. */
  private static Path moduleTarget() {
    try {
      return Path.of(Replay.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("target");
    }
  }
}
