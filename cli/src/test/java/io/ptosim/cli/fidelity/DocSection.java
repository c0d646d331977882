package io.ptosim.cli.fidelity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Replaces one {@code ## heading} section of a Markdown file, leaving the other sections as they are. */
final class DocSection {
  private DocSection() {}

  static void replace(Path doc, String heading, String body) throws IOException {
    String text = Files.isRegularFile(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Fidelity\n";
    String marker = "## " + heading + "\n";
    int at = text.indexOf(marker);
    String section = marker + "\n" + body.strip() + "\n\n";
    String updated;
    if (at < 0) {
      updated = text.stripTrailing() + "\n\n" + section;
    } else {
      int next = text.indexOf("\n## ", at + marker.length());
      updated = text.substring(0, at) + section + (next < 0 ? "" : text.substring(next + 1));
    }
    Files.writeString(doc, updated.stripTrailing() + "\n", StandardCharsets.UTF_8);
  }
}
