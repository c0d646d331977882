package io.ptosim.cli;

import com.google.common.collect.ImmutableSet;
import io.ptosim.des.kernel.RunLimits;
import io.ptosim.des.kernel.TieBreak;
import io.ptosim.des.platform.PlatformProfile;
import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.fault.Fault;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramJson;
import io.ptosim.scheduler.run.KernelLookup;
import io.ptosim.scheduler.run.RunConfig;
import io.ptosim.scheduler.runtime.PublishMode;
import io.ptosim.scheduler.runtime.RingConfig;
import io.ptosim.scheduler.upstream.UpstreamFiles;
import io.ptosim.scheduler.upstream.UpstreamFormatException;
import io.ptosim.scheduler.upstream.UpstreamPrograms;
import io.ptosim.scheduler.workload.WorkloadParams;
import io.ptosim.scheduler.workload.Workloads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import io.ptosim.scheduler.version.RuntimeVersion;
import io.ptosim.scheduler.version.RuntimeVersions;
import picocli.CommandLine.Option;

/** The options that choose a program and configure a run; turned into a {@link RunConfig}. */
final class RunOptions {

  static final class Source {
    @Option(names = "--demo", description = "the small built-in demo graph (workload 'demo')")
    boolean demo;

    @Option(names = "--workload", paramLabel = "NAME", description = "a built-in workload: ${COMPLETION-CANDIDATES}", completionCandidates = WorkloadNames.class)
    String workload;

    @Option(names = "--program", paramLabel = "FILE", description = "a JSON program file (docs/program-format.md) or an upstream deps.json, plain or gzipped")
    Path program;
  }

  static final class WorkloadNames extends ArrayList<String> {
    WorkloadNames() {
      super(Workloads.names());
    }
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--case", paramLabel = "CASE", description = "paged-attention case (default CaseSmall1)")
  String caseName;

  @Option(names = "--mode", paramLabel = "MODE", description = "paged-attention mode: auto | manual | partial-manual (default auto)")
  String mode;

  @Option(names = "--n", paramLabel = "N", description = "size of a scenario workload (0 = its default)")
  int n;

  @Option(names = "--runtime", paramLabel = "VERSION", description = "runtime version: main-6ebaf77 | pr482 (default main-6ebaf77)")
  String runtime = RuntimeVersions.MAIN;

  @Option(names = "--policy", paramLabel = "NAME", description = "stall policy: legacy | scope-aware | patient | checker (default: the runtime version's own)")
  String policy;

  @Option(names = "--platform", paramLabel = "NAME", description = "a2a3 | a2a3sim (default a2a3)")
  String platform = PlatformProfiles.A2A3;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = {"override a platform field: a *Ns cost or kernel.NAME duration in ns (0..10^12),",
      "or clusters (1..1024), aivPerCluster (1..2), schedulerThreads (1..64); e.g. finishNoticeNs=180, kernel.qk=5000"})
  List<String> overrides = new ArrayList<>();

  @Option(names = "--ring-window", paramLabel = "N", description = "task window of every ring, a power of two in 2..2^30 (default 16384)")
  Long ringWindow;

  @Option(names = "--heap", paramLabel = "BYTES", description = "output heap of every ring, 1..2^48 (default 256 MiB)")
  Long heap;

  @Option(names = "--ring-heap", paramLabel = "R=BYTES", description = "output heap of one ring (after --heap), e.g. 1=1572864; repeatable")
  List<String> ringHeaps = new ArrayList<>();

  @Option(names = "--dep-pool", paramLabel = "N", description = "dependency-list entries of every ring, 1..2^31-1 (default 16384)")
  Integer depPool;

  @Option(names = "--publish", paramLabel = "MODE", description = "incremental | deferred (default: deferred for partial-manual, else incremental)")
  String publish;

  @Option(names = "--fault", paramLabel = "NAME", description = "switch on a known bug: publish-hidden-alloc | ready-without-transition | lost-advance | lost-deferred-completion")
  List<String> faults = new ArrayList<>();

  @Option(names = "--tie-break", paramLabel = "RULE", description = "same-instant order: fifo | shuffle (default: shuffle when --seed is given, else fifo)")
  String tieBreak;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the shuffle tie-break; implies --tie-break shuffle")
  Long seed;

  @Option(names = "--monitor", description = "check the runtime's invariants at every event and fail fast")
  boolean monitor;

  @Option(names = "--max-events", paramLabel = "N", description = "event budget, 1..10^12 (default 200,000,000)")
  long maxEvents = RunLimits.DEFAULT.maxEvents();

  @Option(names = "--max-time-ns", paramLabel = "NS", description = "virtual-time limit, 1..10^15 ns (default one hour)")
  long maxTimeNs = RunLimits.DEFAULT.maxTimeNs();

  /** A short name of what runs, for the summary. */
  String describe() {
    if (source.program != null) {
      return source.program.toString();
    }
    String w = source.demo ? "demo" : source.workload;
    return w.equals("paged-attention") ? w + " " + caseOrDefault() + " " + modeOrDefault() : w;
  }

  private String caseOrDefault() {
    return caseName == null ? "CaseSmall1" : caseName;
  }

  private String modeOrDefault() {
    return mode == null ? "auto" : mode;
  }

  RunConfig toConfig() {
    boolean pagedAttention = "paged-attention".equals(source.workload);
    if (!pagedAttention && (caseName != null || mode != null)) {
      throw new UserInputException((caseName != null ? "--case" : "--mode") + ": only for --workload paged-attention");
    }
    WorkloadParams.Mode workloadMode = parse(() -> WorkloadParams.Mode.parse(modeOrDefault()), "--mode");
    long window = ringWindow == null ? RingConfig.DEFAULT_WINDOW : ringWindow;
    RingConfig rings = RingConfig.defaults();
    if (ringWindow != null) {
      RingConfig r = rings;
      rings = parse(() -> r.withWindow(window), "--ring-window");
    }
    if (heap != null) {
      RingConfig r = rings;
      rings = parse(() -> r.withHeap(heap), "--heap");
    }
    for (String rh : ringHeaps) {
      int eq = rh.indexOf('=');
      int ring;
      long bytes;
      try {
        ring = Integer.parseInt(rh.substring(0, Math.max(eq, 0)));
        bytes = Long.parseLong(rh.substring(eq + 1));
      } catch (NumberFormatException e) {
        throw new UserInputException("--ring-heap '" + rh + "': expected RING=BYTES, e.g. 1=1572864");
      }
      if (ring < 0 || ring >= RingConfig.RING_COUNT) {
        throw new UserInputException("--ring-heap '" + rh + "': ring must be 0.." + (RingConfig.RING_COUNT - 1));
      }
      RingConfig r = rings;
      rings = parse(() -> r.withHeap(ring, bytes), "--ring-heap");
    }
    if (depPool != null) {
      RingConfig r = rings;
      rings = parse(() -> r.withDepPool(depPool), "--dep-pool");
    }
    Program program = program(workloadMode, window);
    PlatformProfile profile = parse(() -> PlatformProfiles.byName(platform), "--platform");
    if (fromDepsJson) {
      profile = PlatformOverrides.defineRecordedKernels(profile, program);
    }
    profile = PlatformOverrides.apply(profile, overrides, program);
    PlatformProfile checked = profile;
    parse(() -> {
      KernelLookup.check(program, checked);
      return checked;
    }, source.program != null ? source.program.toString() : "--workload " + describe());
    PublishMode publishMode = publish != null
        ? parse(() -> PublishMode.parse(publish), "--publish")
        : workloadMode.deferredPublish() && source.program == null ? PublishMode.DEFERRED : PublishMode.INCREMENTAL;
    ImmutableSet.Builder<Fault> f = ImmutableSet.builder();
    for (String name : faults) {
      f.add(parse(() -> Fault.byName(name), "--fault"));
    }
    String rule = tieBreak != null ? tieBreak : seed != null ? "shuffle" : "fifo";
    TieBreak tie;
    switch (rule) {
      case "fifo":
        if (seed != null) {
          throw new UserInputException("--seed: has no effect with --tie-break fifo");
        }
        tie = TieBreak.fifo();
        break;
      case "shuffle":
        tie = TieBreak.shuffle(seed != null ? seed : 1L);
        break;
      default:
        throw new UserInputException("--tie-break '" + rule + "': expected fifo or shuffle");
    }
    RunLimits events = parse(() -> RunLimits.DEFAULT.withMaxEvents(maxEvents), "--max-events");
    RunLimits limits = parse(() -> events.withMaxTimeNs(maxTimeNs), "--max-time-ns");
    PlatformProfile finalProfile = profile;
    RingConfig finalRings = rings;
    RuntimeVersion version = parse(() -> RuntimeVersions.byName(runtime), "--runtime");
    parse(() -> {
      version.orchestrator().reportFatal().check(program);
      io.ptosim.scheduler.runtime.DeferredCompletion.check(program, version.scheduler().asyncCompletion());
      return version;
    }, source.program != null ? source.program.toString() : "--workload " + describe());
    RunConfig.Builder builder = RunConfig.builder(program).runtime(version);
    if (policy != null) {
      builder.policy(policy);
    }
    return parse(() -> builder
        .platform(finalProfile)
        .publishMode(publishMode)
        .rings(finalRings)
        .faults(f.build())
        .tieBreak(tie)
        .limits(limits)
        .invariantMonitor(monitor)
        .build(), "--policy");
  }

  private Program program(WorkloadParams.Mode workloadMode, long window) {
    if (source.program != null) {
      // deps.json may be gzipped: its reader takes the file; every other program is text.
      if (depsJson(source.program)) {
        try {
          fromDepsJson = true;
          return UpstreamPrograms.fromDepsJson(source.program);
        } catch (IOException e) {
          throw new UserInputException("cannot read " + source.program + ": " + TextInput.reason(e));
        } catch (UpstreamFormatException e) {
          throw new UserInputException(source.program + ": " + e.getMessage());
        }
      }
      String text = TextInput.read(source.program);
      try {
        return ProgramJson.parse(text);
      } catch (ProgramException e) {
        throw new UserInputException(source.program + ": " + e.getMessage());
      }
    }
    String name = source.demo ? "demo" : source.workload;
    WorkloadParams params = parse(() -> WorkloadParams.defaults()
        .withCase(caseOrDefault()).withMode(workloadMode).withN(n).withWindow((int) Math.min(window, Integer.MAX_VALUE)), "--case/--n");
    return parse(() -> Workloads.byName(name).program(params), "--workload");
  }

  /** Whether the program came from an upstream deps.json (its kernels are func ids, not the platform's names). */
  private boolean fromDepsJson;

  private static boolean depsJson(Path file) {
    try {
      return UpstreamFiles.looksLikeDepsJson(file);
    } catch (IOException e) {
      return false; // the text reader says why the file cannot be read
    }
  }

  /** Turns the registries' IllegalArgumentExceptions (unknown names, bad values) into one-line input errors. */
  private static <T> T parse(java.util.function.Supplier<T> s, String option) {
    try {
      return s.get();
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new UserInputException(option + ": " + e.getMessage());
    }
  }
}
