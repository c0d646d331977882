package io.ptosim.scheduler.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ptosim.scheduler.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deps.json file as a program. Kernel names: when the run folder's {@code meta.json} (the
 * corpus's) names a paged-attention example, upstream's QK/SF/PV/UP func ids map to the model's
 * kernel names (so the platform's kernel durations apply); otherwise kernels are named by their
 * recorded func ids ({@code f<id>}).
 */
public final class UpstreamPrograms {
  private UpstreamPrograms() {}

  public static Program fromDepsJson(Path path) throws IOException, UpstreamFormatException {
    DepsGraph graph = DepsJson.read(path);
    return new DepsProgram(graph, kernelTable(path), "deps.json:" + path.getFileName()).program();
  }

  static KernelTable kernelTable(Path deps) {
    Path meta = deps.toAbsolutePath().resolveSibling("meta.json");
    if (Files.isRegularFile(meta)) {
      try {
        JsonNode example = new ObjectMapper().readTree(meta.toFile()).get("example");
        if (example != null && example.asText().contains("/paged_attention")) {
          return KernelTable.PAGED_ATTENTION;
        }
      } catch (IOException e) {
        // An unreadable meta.json only loses the kernel names.
      }
    }
    return KernelTable.RECORDED;
  }
}
