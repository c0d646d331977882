package io.ptosim.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.properties.corpus.CorpusEntry;
import io.ptosim.properties.corpus.ExpectationJson;
import io.ptosim.properties.corpus.Replayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every stored corpus entry (src/test/resources/corpus/NAME.json + NAME.expect) and asserts
 * each policy's exact recorded outcome, message, verdicts (final and per stall) and trace hash.
 * After an intended model change, {@code Replay --update} rewrites the expectations (see
 * docs/properties.md); review the diff before committing it.
 */
class CorpusReplayTest {
  /** The module's corpus directory; surefire runs with the module as working directory. */
  static final Path CORPUS = Path.of("src/test/resources/corpus");

  @Test
  void corpusHoldsTheSeedRegressions() throws IOException {
    assertThat(CorpusEntry.list(CORPUS).stream().map(p -> p.getFileName().toString()))
        .hasSizeGreaterThanOrEqualTo(6)
        .contains("issue277-scope-overflow.json", "issue495-deferred-burst.json", "issue1545-lost-advance.json",
            "ready-without-transition.json", "publish-hidden-alloc.json", "generated-stall.json");
  }

  @TestFactory
  Stream<DynamicTest> everyEntryReplaysExactly() throws IOException {
    return CorpusEntry.list(CORPUS).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      // The same code as `ptosim replay`.
      Replayer.Result result = Replayer.replay(file);
      assertThat(result.differences()).as(result.entry().expectation().description()).isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> expectFilesAreCanonical() throws IOException {
    return CorpusEntry.list(CORPUS).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String text = Files.readString(CorpusEntry.expectFile(file), StandardCharsets.UTF_8);
      assertThat(ExpectationJson.write(ExpectationJson.parse(text))).isEqualTo(text);
    }));
  }
}
