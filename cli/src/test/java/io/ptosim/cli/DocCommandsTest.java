package io.ptosim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the user guide shows is run, so the guide cannot rot: each line {@code $ ./ptosim ...}
 * inside a {@code console} block of docs/user-guide.md runs in process and must end with the exit
 * status its {@code # exit N} comment names (0 when none). Paths are the repository's (the guide is
 * written from the clone's root); files the command writes go to a temporary folder.
 */
class DocCommandsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern LINE = Pattern.compile("^\\$ \\./ptosim (.*?)(?:\\s+#\\s*exit (\\d+))?\\s*$");
  /** Options whose value is a file the command writes. */
  private static final Set<String> OUTPUTS = Set.of("--trace", "--trace-text", "--snapshot-out", "--chart", "--out",
      "--deps-out", "--swimlane-out", "--scope-stats-out");

  @TempDir static Path tmp;

  record DocCommand(String line, List<String> args, int exit) {}

  static List<DocCommand> commands(Path doc) throws IOException {
    List<DocCommand> out = new ArrayList<>();
    boolean inConsole = false;
    for (String line : Files.readAllLines(doc)) {
      if (line.startsWith("```")) {
        inConsole = !inConsole && line.trim().equals("```console");
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (inConsole && m.matches()) {
        out.add(new DocCommand(line, List.of(m.group(1).trim().split("\\s+")), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCommandOfTheUserGuideRunsWithItsExitStatus() throws IOException {
    List<DocCommand> commands = commands(ROOT.resolve("docs/user-guide.md"));
    assertThat(commands).as("console commands in docs/user-guide.md").hasSizeGreaterThanOrEqualTo(8);
    return commands.stream().map(c -> DynamicTest.dynamicTest(c.line(), () -> {
      List<String> args = new ArrayList<>();
      String previous = "";
      for (String a : c.args()) {
        if (OUTPUTS.contains(previous)) {
          args.add(tmp.resolve(Path.of(a).getFileName()).toString());
        } else if (!a.startsWith("-") && Files.exists(ROOT.resolve(a))) {
          args.add(ROOT.resolve(a).toString());
        } else {
          args.add(a);
        }
        previous = a;
      }
      Cli r = Cli.run(args.toArray(String[]::new));
      assertThat(r.exit()).as("%s%nstdout:%n%s%nstderr:%n%s", c.line(), r.out(), r.err()).isEqualTo(c.exit());
    }));
  }
}
