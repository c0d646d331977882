package io.ptosim.cli.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.analysis.upstream.UpstreamLog;
import io.ptosim.cli.PtosimMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Simulates one {@link AgreementRow} the way a user would: {@code ptosim run --json} in process, with
 * the row's graph and ring sizes, and reads the end back from the JSON (the ring from the abort
 * message, by the same rule that reads upstream's FATAL line).
 */
final class PtosimRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What ptosim said. */
  record Result(EndState end, String message, List<String> args, JsonNode json) {}

  private PtosimRun() {}

  /** The command line for {@code row}; {@code corpus} is {@code upstream-runs} (for {@code deps:} graphs). */
  static List<String> args(AgreementRow row, Path corpus, String runtime, List<String> extra) {
    List<String> a = new ArrayList<>(List.of("run", "--json", "--runtime", runtime, "--platform", "a2a3sim"));
    String[] g = row.graph().split(":");
    switch (g[0]) {
      case "pa" -> a.addAll(List.of("--workload", "paged-attention", "--mode", g[1], "--case", g[2]));
      case "deps" -> a.addAll(List.of("--program", depsOf(corpus.resolve(g[1])).toString()));
      case "prog" -> a.addAll(List.of("--program", program(g[1]).toString()));
      default -> throw new IllegalArgumentException(row.run() + ": graph '" + row.graph() + "' cannot be simulated");
    }
    if (!row.window().equals("-")) {
      a.addAll(List.of("--ring-window", row.window()));
    }
    if (!row.heap().equals("-")) {
      if (row.heap().contains("=")) {
        for (String one : row.heap().split(",")) {
          a.addAll(List.of("--ring-heap", one));
        }
      } else {
        a.addAll(List.of("--heap", row.heap()));
      }
    }
    if (!row.depPool().equals("-")) {
      a.addAll(List.of("--dep-pool", row.depPool()));
    }
    a.addAll(extra);
    return a;
  }

  /** A program file of {@code fidelity/programs}, as a path the CLI can open. */
  static Path program(String name) {
    try {
      java.net.URL url = PtosimRun.class.getResource("/fidelity/programs/" + name + ".json");
      if (url == null) {
        throw new IllegalArgumentException("no program fidelity/programs/" + name + ".json");
      }
      return Path.of(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The run's deps.json, plain or gzipped. */
  static Path depsOf(Path runDir) {
    Path plain = runDir.resolve("deps.json");
    return Files.isRegularFile(plain) ? plain : runDir.resolve("deps.json.gz");
  }

  static Result run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PtosimMain.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    if (exit != 0 && exit != 1) {
      String first = err.toString().lines().findFirst().orElse("exit " + exit);
      return new Result(EndState.other("error: " + first.replaceFirst("^ptosim: ", "")), first, args, JSON.nullNode());
    }
    JsonNode j;
    try {
      j = JSON.readTree(out.toString());
    } catch (IOException e) {
      throw new IllegalStateException("run --json wrote no JSON: " + out, e);
    }
    String message = j.path("message").asText();
    int code = j.has("errorCode") ? j.get("errorCode").asInt() : j.path("exitCode").asInt();
    EndState end = switch (j.path("outcome").asText()) {
      case "COMPLETED" -> EndState.completed();
      case "ABORTED", "QUIESCENT_BLOCKED" -> EndState.fatal(code, ringOf(message));
      default -> EndState.other(j.path("outcome").asText());
    };
    return new Result(end, message, args, j);
  }

  private static OptionalInt ringOf(String message) {
    return UpstreamLog.ofMessage(message).ring();
  }
}
