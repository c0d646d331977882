package io.ptosim.cli;

import io.ptosim.scheduler.sizing.ResourceSizing;
import io.ptosim.scheduler.sizing.Trial;
import java.util.List;
import java.util.Locale;

/**
 * The {@code tune --chart} picture: for one power-of-two resource, stalls and virtual time lost
 * against its size (log2 axis), the sizes that abort under the detector marked red, the minimum
 * marked. Plain SVG so that it renders in a browser and in a repository view without tools.
 */
final class TuneChart {
  private static final int W = 720;
  private static final int H = 360;
  private static final int LEFT = 70;
  private static final int RIGHT = 70;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;

  private TuneChart() {}

  static String svg(String title, ResourceSizing s) {
    List<Trial> trials = s.trials();
    long maxStalls = 1;
    double maxLostMs = 1e-3;
    for (Trial t : trials) {
      maxStalls = Math.max(maxStalls, t.stats().stalls());
      maxLostMs = Math.max(maxLostMs, t.stats().lostNs() / 1e6);
    }
    int n = trials.size();
    double plotW = W - LEFT - RIGHT;
    double plotH = H - TOP - BOTTOM;
    StringBuilder o = new StringBuilder();
    o.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
        + " font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
    o.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    o.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT, esc(title)));
    o.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", LEFT, TOP + plotH,
        LEFT + plotW, TOP + plotH));
    o.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, TOP + plotH));
    o.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", LEFT + plotW, TOP,
        LEFT + plotW, TOP + plotH));
    o.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" fill=\"#1f77b4\">stalls (max %d)</text>%n", TOP - 8, maxStalls));
    o.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#d62728\" text-anchor=\"end\">time lost, ms (max %.3f)</text>%n",
        (double) W - 8, TOP - 8, maxLostMs));
    StringBuilder stalls = new StringBuilder();
    StringBuilder lost = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Trial t = trials.get(i);
      double x = LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
      double ys = TOP + plotH - plotH * t.stats().stalls() / maxStalls;
      double yl = TOP + plotH - plotH * (t.stats().lostNs() / 1e6) / maxLostMs;
      stalls.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, ys));
      lost.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, yl));
      o.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>%n", x, TOP + plotH + 16, t.size()));
      String mark = t.completes() ? "#2ca02c" : t.completesPatient() ? "#ff7f0e" : "#d62728";
      o.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>%d: %s, patient %s</title></circle>%n",
          x, TOP + plotH + 30, mark, t.size(), t.outcome(), t.patientOutcome()));
      if (s.minimum().isPresent() && s.minimum().getAsLong() == t.size()) {
        o.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2ca02c\" stroke-dasharray=\"4 3\"/>%n",
            x, TOP, x, TOP + plotH));
        o.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#2ca02c\">minimum %d</text>%n", x + 4, TOP + 12, t.size()));
      }
    }
    o.append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"").append(stalls).append("\"/>\n");
    o.append("<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" points=\"").append(lost).append("\"/>\n");
    o.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s; dots: green completes, orange false abort"
        + " (patient completes), red real stall</text>%n", 12, H - 6, esc(s.resource().envVar())));
    o.append("</svg>\n");
    return o.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
