package io.ptosim.cli;

import io.ptosim.analysis.verdict.Assumption;
import io.ptosim.analysis.verdict.Verdict;
import io.ptosim.analysis.verdict.WitnessStep;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a checker verdict for people (text) and for tools (a JSON-ready map). */
final class VerdictView {

  private VerdictView() {}

  static Map<String, Object> toJson(Verdict v) {
    Map<String, Object> o = Json.object();
    o.put("verdict", v.kind().name());
    o.put("reason", v.reason());
    o.put("certain", v.certain());
    List<Map<String, Object>> witness = new ArrayList<>();
    for (WitnessStep s : v.witness()) {
      Map<String, Object> step = Json.object();
      step.put("vertex", s.vertex().label());
      step.put("text", s.text());
      witness.add(step);
    }
    o.put("witness", witness);
    List<String> assumptions = new ArrayList<>();
    for (Assumption a : v.assumptions()) {
      assumptions.add(a.text());
    }
    o.put("assumptions", assumptions);
    return o;
  }

  static void print(Verdict v, PrintWriter out) {
    out.println("verdict: " + v.kind().name() + (v.certain() ? " (certain)" : " (rests on " + v.assumptions().size() + " assumption" + (v.assumptions().size() == 1 ? "" : "s") + ")"));
    out.println("reason:  " + v.reason());
    out.println("witness:");
    int i = 1;
    for (WitnessStep s : v.witness()) {
      out.println("  " + (i++) + ". " + s.text());
    }
    if (!v.assumptions().isEmpty()) {
      out.println("assumed (the input does not show these):");
      for (Assumption a : v.assumptions()) {
        out.println("  - " + a.text());
      }
    }
  }
}
