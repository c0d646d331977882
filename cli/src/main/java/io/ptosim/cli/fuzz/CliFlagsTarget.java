package io.ptosim.cli.fuzz;

import io.ptosim.cli.PtosimMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The command line itself: argument vectors of {@code run} and {@code check} with flags and values replaced, dropped, duplicated or inserted, run in-process. Exit 0
 * or 1 is a result, exit 2 must come with exactly one line on stderr, anything else is a bug. Every
 * run gets an event budget, and no flag that writes a file is ever inserted.
 */
final class CliFlagsTarget implements FuzzTarget {
  private static final String BUDGET = "100000";

  private static final String[] FLAGS = {
    "--demo", "--workload", "--program", "--case", "--mode", "--n", "--policy", "--platform", "--set", "--ring-window", "--heap",
    "--dep-pool", "--publish", "--fault", "--tie-break", "--seed", "--monitor", "--max-events", "--max-time-ns", "--json",
    "--stalls", "--quiet", "--whole-graph", "--list", "--help", "--version", "--nosuch", "--"
  };

  private static final String[] VALUES = {
    "demo", "chain", "paged-attention", "scope-overflow", "slow-head", "lost-advance", "nosuch", "CaseSmall1", "CaseSmall2",
    "CaseVarSeq4", "Case9", "auto", "manual", "partial-manual", "legacy", "patient", "checker", "scope-aware", "a2a3", "a2a3sim",
    "a5", "incremental", "deferred", "publish-hidden-alloc", "ready-without-transition", "lost-advance", "fifo", "shuffle",
    "all", "summary", "finishNoticeNs=180", "kernel.qk=5000", "kernel.nosuch=5", "kernel.qk=2305843009213693952",
    "finishNoticeNs=2305843009213693952", "clusters=5000000000", "spinNs=0", "nosuchNs=5", "=5", "kernel.=5", "clusters=",
    "0", "1", "-1", "2", "8", "16", "3", "1024", "1073741824", "2147483648", "9223372036854775807", "99999999999999999999",
    "", " ", "x"
  };

  private final Path snapshot;
  private final List<byte[]> seeds;

  CliFlagsTarget() {
    try {
      snapshot = Files.createTempFile("ptosim-fuzz-", ".txt");
      snapshot.toFile().deleteOnExit();
      Files.write(snapshot, Seeds.load("seed-495.txt").get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    seeds = List.of(
        args("run", "--demo"),
        args("run", "--workload", "chain", "--n", "50", "--ring-window", "8", "--policy", "patient", "--json"),
        args("run", "--workload", "paged-attention", "--case", "CaseSmall2", "--mode", "partial-manual", "--platform", "a2a3sim",
            "--ring-window", "16", "--policy", "checker"),
        args("run", "--demo", "--set", "finishNoticeNs=180", "--set", "kernel.qk=5000", "--max-time-ns", "1000000", "--seed", "7"),
        args("run", "--workload", "scope-overflow", "--ring-window", "8", "--fault", "lost-advance", "--monitor", "--stalls", "all"),
        args("check", snapshot.toString(), "--json"),
        args("check", snapshot.toString(), "--whole-graph"));
  }

  private static byte[] args(String... args) {
    return String.join("\n", args).getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> split(byte[] input) {
    return new ArrayList<>(Arrays.asList(new String(input, StandardCharsets.UTF_8).split("\n", -1)));
  }

  @Override
  public String name() {
    return "cli-flags";
  }

  @Override
  public List<byte[]> seeds() {
    return seeds;
  }

  @Override
  public byte[] mutate(byte[] seed, List<byte[]> all, SplittableRandom random) {
    List<String> a = split(seed);
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      int i = a.size() <= 1 ? a.size() : 1 + random.nextInt(a.size() - 1);
      String pick = random.nextBoolean() ? FLAGS[random.nextInt(FLAGS.length)] : VALUES[random.nextInt(VALUES.length)];
      switch (random.nextInt(5)) {
        case 0 -> a.add(i, pick);
        case 1 -> {
          if (i < a.size()) {
            a.set(i, pick);
          } else {
            a.add(pick);
          }
        }
        case 2 -> {
          if (i < a.size()) {
            a.remove(i);
          }
        }
        case 3 -> {
          if (i < a.size()) {
            a.add(i, a.get(i));
          }
        }
        default -> {
          a.add(i, FLAGS[random.nextInt(FLAGS.length)]);
          a.add(i + 1, VALUES[random.nextInt(VALUES.length)]);
        }
      }
    }
    return String.join("\n", a).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public FuzzOutcome read(byte[] input) {
    List<String> args = split(input);
    if (args.contains("--program")) {
      // a program path would be whatever value follows: keep it a file that exists and is harmless
      int i = args.indexOf("--program");
      if (i + 1 < args.size()) {
        args.set(i + 1, snapshot.toString());
      }
    }
    if (args.get(0).equals("run")) {
      args.removeIf(a -> a.equals("--max-events"));
      args.add("--max-events");
      args.add(BUDGET);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PtosimMain.execute(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
    String e = err.toString();
    switch (exit) {
      case 0, 1:
        return FuzzOutcome.accepted();
      case 2:
        return FuzzOutcome.rejected(e.endsWith("\n") ? e.substring(0, e.length() - 1) : e);
      default:
        throw new IllegalStateException("exit " + exit + " for " + String.join(" ", args) + ": " + e.lines().findFirst().orElse(""));
    }
  }
}
