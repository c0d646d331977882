package io.ptosim.scheduler.upstream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens an upstream artifact, plain or gzip-compressed (the corpus stores its largest files as
 * {@code *.json.gz}); compression is recognised by the gzip magic bytes, not by the name.
 */
public final class UpstreamFiles {
  private UpstreamFiles() {}

  /** The file's bytes, decompressed when it starts with the gzip magic {@code 1f 8b}. */
  public static InputStream open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  /** Whether the file's first bytes look like a dep_gen deps.json: a JSON object whose first key is {@code tasks}. */
  public static boolean looksLikeDepsJson(Path path) throws IOException {
    try (InputStream in = open(path)) {
      byte[] head = in.readNBytes(256);
      String s = new String(head, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
      if (!s.startsWith("{")) {
        return false;
      }
      s = s.substring(1).stripLeading();
      return s.startsWith("\"tasks\"");
    }
  }
}
