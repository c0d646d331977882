package io.ptosim.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramJsonTest {
  private static final String HEAD = "{\"format\":\"ptosim-program\",\"version\":1,\"name\":\"t\",\"ops\":[\n";
  private static final String SCOPE = "{\"op\":\"scope_begin\",\"mode\":\"MANUAL\"},\n";
  private static final String SUBMIT =
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,"
          + "\"args\":[{\"dir\":\"INPUT\",\"base\":4096,\"offset\":0,\"size\":512}]}";

  private static Program sample() {
    ProgramBuilder pb = ProgramBuilder.named("sample \"quoted\" ünïcode").scope(ScopeMode.AUTO);
    long alloc = pb.allocTensors(TensorArg.output(1 << 20, 4096), TensorArg.output(2 << 20, 64));
    pb.scope(ScopeMode.MANUAL);
    long a = pb.submit("qk", 1, 4, TensorArg.input(0x1000, 128, 512), TensorArg.output(3 << 20, 1024));
    long b = pb.submit("mix", 7, 2, TensorArg.inout(1 << 20, 0, 4096), TensorArg.outputExisting(5 << 20, 64, 64));
    pb.addDependency(a, b);
    assertThat(alloc).isZero();
    return pb.endScope().endScope().build();
  }

  @Test
  void roundTrip() throws ProgramException {
    Program p = sample();
    String text = ProgramJson.write(p);
    assertThat(ProgramJson.parse(text)).isEqualTo(p);
    assertThat(text).startsWith("{\"format\":\"ptosim-program\",\"version\":1,\"name\":\"sample \\\"quoted\\\" ünïcode\",\"ops\":[\n");
    assertThat(text).contains(
        "\n{\"op\":\"submit\",\"task\":1,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":4,"
            + "\"args\":[{\"dir\":\"INPUT\",\"base\":4096,\"offset\":128,\"size\":512},"
            + "{\"dir\":\"OUTPUT\",\"base\":3145728,\"offset\":0,\"size\":1024}]},\n");
    assertThat(text).contains("\n{\"op\":\"add_dependency\",\"producer\":1,\"consumer\":2},\n");
    assertThat(text.lines()).hasSize(p.ops().size() + 2);
  }

  /** A task naming a kernel per core round-trips; a submit without the field means every core runs {@code kernel}. */
  @Test
  void coreKernelsRoundTripAndAreOptional() throws ProgramException {
    ProgramBuilder pb = ProgramBuilder.named("per-core");
    pb.submitPerCore("mm_add", 7, 1, java.util.List.of("mm", "add", "add"), TensorArg.output(1 << 20, 64));
    pb.submitPerCore("qs", 5, 2, java.util.List.of("qk", "", "sf"));
    pb.submit("mix", 3, 1);
    Program p = pb.build();
    String text = ProgramJson.write(p);
    assertThat(text).contains("\"args\":[{\"dir\":\"OUTPUT\",\"base\":1048576,\"offset\":0,\"size\":64}],"
        + "\"core_kernels\":{\"aic\":\"mm\",\"aiv0\":\"add\",\"aiv1\":\"add\"}}");
    assertThat(text).contains("\"core_kernels\":{\"aic\":\"qk\",\"aiv1\":\"sf\"}}");
    Program back = ProgramJson.parse(text);
    assertThat(back).isEqualTo(p);
    Op.Submit qs = (Op.Submit) back.ops().get(1);
    assertThat(qs.kernelOf(Op.Submit.AIC)).isEqualTo("qk");
    assertThat(qs.kernelOf(Op.Submit.AIV1)).isEqualTo("sf");
    assertThat(qs.runKernels()).containsExactly("qk", "sf");
    Op.Submit mix = (Op.Submit) back.ops().get(2);
    assertThat(mix.coreKernels()).isEmpty();
    assertThat(mix.kernelOf(Op.Submit.AIV0)).isEqualTo("mix");
    assertThat(mix.runKernels()).containsExactly("mix");
    assertThat(text).containsOnlyOnce("core_kernels\":{\"aic\":\"mm\"");
  }

  @Test
  void reportFatalRoundTripsAsOneLine() throws ProgramException {
    Program p = ProgramBuilder.named("fatal").reportFatal(9, "st injected fatal").reportFatal(3, "").build();
    String text = ProgramJson.write(p);
    assertThat(text).contains("\n{\"op\":\"report_fatal\",\"code\":9,\"message\":\"st injected fatal\"},\n");
    assertThat(ProgramJson.parse(text)).isEqualTo(p);
    String tooLong = "x".repeat(Op.ReportFatal.MAX_MESSAGE + 1);
    assertThatThrownBy(() -> ProgramJson.parse(HEAD + "{\"op\":\"report_fatal\",\"code\":9,\"message\":\"" + tooLong + "\"}\n]}"))
        .isInstanceOfSatisfying(ProgramException.class, e -> assertThat(e.opIndex()).isZero())
        .hasMessage("op 0: (report_fatal) message must be at most 1023 characters: 1024");
  }

  @Test
  void completionConditionsAreWrittenOnlyWhenStatedAndRoundTrip() throws ProgramException {
    ProgramBuilder pb = ProgramBuilder.named("async");
    pb.submitRegistering(65, "short", 2, 1, TensorArg.output(1 << 28, 4));
    pb.submitRegistering(0, "defer_wait", 2, 1, TensorArg.input(1 << 28, 0, 4));
    pb.submit("short", 2, 1, TensorArg.input(1 << 28, 0, 4));
    Program p = pb.build();
    String text = ProgramJson.write(p);
    assertThat(text).contains("\n{\"op\":\"submit\",\"task\":0,\"kernel\":\"short\",\"active_mask\":2,\"block_num\":1,"
        + "\"args\":[{\"dir\":\"OUTPUT\",\"base\":268435456,\"offset\":0,\"size\":4}],\"completion_conditions\":65},\n");
    assertThat(text).contains("\"kernel\":\"defer_wait\",\"active_mask\":2,\"block_num\":1,"
        + "\"args\":[{\"dir\":\"INPUT\",\"base\":268435456,\"offset\":0,\"size\":4}],\"completion_conditions\":0},\n");
    assertThat(text.lines().filter(l -> l.contains("completion_conditions"))).hasSize(2);
    assertThat(ProgramJson.parse(text)).isEqualTo(p);
    assertThat(((Op.Submit) ProgramJson.parse(text).ops().get(2)).completionConditions()).isEmpty();
  }

  @Test
  void roundTripThroughFile(@TempDir Path dir) throws IOException, ProgramException {
    Program p = sample();
    Path file = dir.resolve("p.json");
    ProgramJson.write(p, file);
    assertThat(ProgramJson.read(file)).isEqualTo(p);
  }

  @Test
  void readsTheDocumentedExample() throws ProgramException {
    String text = HEAD + SCOPE
        + "{\"op\":\"alloc_tensors\",\"task\":0,\"outputs\":[{\"dir\":\"OUTPUT\",\"base\":8192,\"offset\":0,\"size\":64}]},\n"
        + "{\"op\":\"submit\",\"task\":1,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[]},\n"
        + "{\"op\":\"submit\",\"task\":2,\"kernel\":\"sf\",\"active_mask\":2,\"block_num\":1,"
        + "\"args\":[{\"dir\":\"INPUT\",\"base\":4096,\"offset\":0,\"size\":512}]},\n"
        + "{\"op\":\"add_dependency\",\"producer\":1,\"consumer\":2},\n"
        + "{\"op\":\"scope_end\"}\n]}";
    Program p = ProgramJson.parse(text);
    assertThat(p.name()).isEqualTo("t");
    assertThat(p.taskCount()).isEqualTo(3);
    assertThat(p.explicitDependencies().get(2L)).containsExactly(1L);
  }

  @Test
  void syntaxErrorNamesTheLine() {
    String text = HEAD + SCOPE + "{\"op\":\"scope_end\",}\n]}";
    assertThatThrownBy(() -> ProgramJson.parse(text))
        .isInstanceOfSatisfying(ProgramException.class, e -> assertThat(e.opIndex()).isEqualTo(-1))
        .hasMessageStartingWith("JSON syntax error at line 3, column ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void duplicateKeyIsASyntaxError() {
    String text = HEAD + "{\"op\":\"scope_begin\",\"op\":\"scope_end\"}\n]}";
    assertThatThrownBy(() -> ProgramJson.parse(text))
        .hasMessageStartingWith("JSON syntax error at line 2, column ")
        .hasMessageContaining("Duplicate field 'op'");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[]|a program file must be a JSON object",
      "|a program file must be a JSON object",
      "{\"format\":\"x\",\"version\":1,\"name\":\"t\",\"ops\":[]}|field 'format' must be \"ptosim-program\", got \"x\"",
      "{\"format\":\"ptosim-program\",\"version\":2,\"name\":\"t\",\"ops\":[]}|unsupported version 2 (this reader knows version 1)",
      "{\"format\":\"ptosim-program\",\"version\":\"1\",\"name\":\"t\",\"ops\":[]}|field 'version' must be an integer, got string \"1\"",
      "{\"format\":\"ptosim-program\",\"version\":1,\"ops\":[]}|missing field 'name'",
      "{\"format\":\"ptosim-program\",\"version\":1,\"name\":\"t\",\"ops\":{}}|field 'ops' must be an array, got object {}",
      "{\"format\":\"ptosim-program\",\"version\":1,\"name\":\"t\",\"ops\":[],\"extra\":0}|unknown field 'extra'",
  })
  void badFileLevelInput(String text, String message) {
    assertThatThrownBy(() -> ProgramJson.parse(text == null ? "" : text))
        .isInstanceOfSatisfying(ProgramException.class, e -> assertThat(e.opIndex()).isEqualTo(-1))
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "3|op 1: an op must be a JSON object, got number 3",
      "{\"mode\":\"AUTO\"}|op 1: missing field 'op'",
      "{\"op\":7}|op 1: field 'op' must be a string, got number 7",
      "{\"op\":\"scope_start\"}|op 1: unknown op 'scope_start'",
      "{\"op\":\"scope_begin\"}|op 1: (scope_begin) missing field 'mode'",
      "{\"op\":\"scope_begin\",\"mode\":\"auto\"}|op 1: (scope_begin) field 'mode' must be AUTO or MANUAL, got \"auto\"",
      "{\"op\":\"scope_end\",\"mode\":\"AUTO\"}|op 1: (scope_end) unknown field 'mode'",
      "{\"op\":\"submit\",\"task\":3,\"active_mask\":1,\"block_num\":1,\"args\":[]}|op 1: (submit) missing field 'kernel'",
      "{\"op\":\"submit\",\"task\":\"3\",\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[]}|op 1: (submit) field 'task' must be an integer, got string \"3\"",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1.5,\"block_num\":1,\"args\":[]}|op 1: (submit) field 'active_mask' must be a 32-bit integer, got number 1.5",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"mask\":1,\"block_num\":1,\"args\":[]}|op 1: (submit) unknown field 'mask'",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":0,\"args\":[]}|op 1: (submit) block_num must be positive: 0",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":{}}|op 1: (submit) field 'args' must be an array, got object {}",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[1]}|op 1: (submit) args[0]: must be a JSON object, got number 1",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[{\"dir\":\"IN\",\"base\":0,\"offset\":0,\"size\":4}]}|op 1: (submit) args[0]: field 'dir' must be INPUT, OUTPUT, INOUT or OUTPUT_EXISTING, got \"IN\"",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[{\"dir\":\"INPUT\",\"base\":0,\"offset\":0,\"size\":0}]}|op 1: (submit) args[0]: size must be positive",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[{\"dir\":\"INPUT\",\"base\":0,\"size\":4}]}|op 1: (submit) args[0]: missing field 'offset'",
      "{\"op\":\"alloc_tensors\",\"task\":0,\"outputs\":[{\"dir\":\"OUTPUT\",\"base\":0,\"offset\":0,\"size\":4,\"dtype\":1}]}|op 1: (alloc_tensors) outputs[0]: unknown field 'dtype'",
      "{\"op\":\"add_dependency\",\"producer\":1}|op 1: (add_dependency) missing field 'consumer'",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"m\",\"active_mask\":3,\"block_num\":1,\"args\":[],\"core_kernels\":[\"qk\"]}|op 1: (submit) field 'core_kernels' must be an object {\"aic\":K,\"aiv0\":K,\"aiv1\":K}, got array [\"qk\"]",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"m\",\"active_mask\":3,\"block_num\":1,\"args\":[],\"core_kernels\":{\"aic\":\"qk\",\"aiv\":\"sf\"}}|op 1: (submit) core_kernels: unknown field 'aiv'",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"m\",\"active_mask\":3,\"block_num\":1,\"args\":[],\"core_kernels\":{\"aic\":\"qk\",\"aiv0\":5}}|op 1: (submit) core_kernels: field 'aiv0' must be a string, got number 5",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"m\",\"active_mask\":3,\"block_num\":1,\"args\":[],\"core_kernels\":{\"aic\":\"qk\"}}|op 1: (submit) core kernels must name exactly the cores active_mask 3 names: aiv0 has none",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"m\",\"active_mask\":3,\"block_num\":1,\"args\":[],\"core_kernels\":{\"aic\":\"qk\",\"aiv0\":\"sf\",\"aiv1\":\"sf\"}}|op 1: (submit) core kernels must name exactly the cores active_mask 3 names: aiv1 has 'sf'",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"m\",\"active_mask\":3,\"block_num\":1,\"args\":[],\"core_kernels\":{\"aic\":\"q k\",\"aiv0\":\"sf\"}}|op 1: (submit) a kernel name is 1..64 letters, digits, '_', '-' or '.': 'q k'",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[],\"completion_conditions\":-1}|op 1: (submit) completion_conditions must be non-negative: -1",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[],\"completion_conditions\":\"65\"}|op 1: (submit) field 'completion_conditions' must be a 32-bit integer, got string \"65\"",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[],\"completion_conditions\":4294967296}|op 1: (submit) field 'completion_conditions' must be a 32-bit integer, got number 4294967296",
      "{\"op\":\"report_fatal\",\"code\":9}|op 1: (report_fatal) missing field 'message'",
      "{\"op\":\"report_fatal\",\"code\":0,\"message\":\"x\"}|op 1: (report_fatal) code must be positive (0 is no error): 0",
      "{\"op\":\"report_fatal\",\"code\":\"9\",\"message\":\"x\"}|op 1: (report_fatal) field 'code' must be a 32-bit integer, got string \"9\"",
      "{\"op\":\"report_fatal\",\"code\":9,\"message\":\"a\\nb\"}|op 1: (report_fatal) message must be one line without control characters",
      "{\"op\":\"report_fatal\",\"code\":9,\"message\":\"x\",\"func\":\"f\"}|op 1: (report_fatal) unknown field 'func'",
  })
  void badOp(String op, String message) {
    String text = HEAD + SCOPE + op + ",\n{\"op\":\"scope_end\"}\n]}";
    assertThatThrownBy(() -> ProgramJson.parse(text))
        .isInstanceOfSatisfying(ProgramException.class, e -> assertThat(e.opIndex()).isEqualTo(1))
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[{\"dir\":\"INPUT\",\"base\":0,\"offset\":281474976710657,\"size\":4}]}|op 1: (submit) args[0]: offset must be at most 2^48: 281474976710657",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[{\"dir\":\"OUTPUT\",\"base\":0,\"offset\":0,\"size\":9223372036854775807}]}|op 1: (submit) args[0]: size must be at most 2^48: 9223372036854775807",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":1,\"args\":[{\"dir\":\"OUTPUT\",\"base\":0,\"offset\":0,\"size\":281474976710656},{\"dir\":\"OUTPUT\",\"base\":4096,\"offset\":0,\"size\":64}]}|op 1: (submit) OUTPUT bytes of one task must total at most 2^48: 281474976710720",
      "{\"op\":\"alloc_tensors\",\"task\":0,\"outputs\":[{\"dir\":\"OUTPUT\",\"base\":0,\"offset\":0,\"size\":281474976710656},{\"dir\":\"OUTPUT\",\"base\":4096,\"offset\":0,\"size\":281474976710656}]}|op 1: (alloc_tensors) OUTPUT bytes of one task must total at most 2^48: 562949953421312",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":8,\"block_num\":1,\"args\":[]}|op 1: (submit) active_mask must name a core (bit 0 AIC, bit 1 AIV0, bit 2 AIV1); sync-start alone is not a task: 8",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":11,\"block_num\":16384,\"args\":[]}|op 1: (submit) block_num x cores must be at most 32767 (upstream's int16 subtask count): 16384 x 2",
      "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":7,\"block_num\":2147483647,\"args\":[]}|op 1: (submit) block_num x cores must be at most 32767 (upstream's int16 subtask count): 2147483647 x 3",
  })
  void outOfRangeValuesAreProgramErrorsNamingTheOpAndField(String op, String message) {
    String text = HEAD + SCOPE + op + ",\n{\"op\":\"scope_end\"}\n]}";
    assertThatThrownBy(() -> ProgramJson.parse(text))
        .isInstanceOfSatisfying(ProgramException.class, e -> assertThat(e.opIndex()).isEqualTo(1))
        .hasMessage(message);
  }

  @Test
  void theLargestValuesAreAccepted() throws ProgramException {
    String text = HEAD + SCOPE
        + "{\"op\":\"submit\",\"task\":3,\"kernel\":\"qk\",\"active_mask\":1,\"block_num\":32767,\"args\":["
        + "{\"dir\":\"OUTPUT\",\"base\":0,\"offset\":0,\"size\":281474976710656},"
        + "{\"dir\":\"INPUT\",\"base\":4096,\"offset\":281474976710656,\"size\":281474976710656}]},"
        + "\n{\"op\":\"scope_end\"}\n]}";
    Op.Submit s = (Op.Submit) ProgramJson.parse(text).ops().get(1);
    assertThat(s.outputBytes()).isEqualTo(TensorArg.MAX_BYTES);
    assertThat(s.args().get(1).end()).isEqualTo(2 * TensorArg.MAX_BYTES);
  }

  @Test
  void validatesAfterReading() {
    String text = HEAD + "{\"op\":\"scope_begin\",\"mode\":\"AUTO\"},\n" + SUBMIT + ",\n"
        + "{\"op\":\"add_dependency\",\"producer\":3,\"consumer\":3},\n{\"op\":\"scope_end\"}\n]}";
    assertThatThrownBy(() -> ProgramJson.parse(text))
        .isInstanceOfSatisfying(ProgramException.class, e -> assertThat(e.opIndex()).isEqualTo(2))
        .hasMessage("op 2: add_dependency of task 3 on itself");
  }
}
