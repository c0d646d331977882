package io.ptosim.scheduler.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ptosim.des.platform.PlatformProfiles;
import io.ptosim.scheduler.program.ProgramException;
import io.ptosim.scheduler.program.ProgramJson;
import org.junit.jupiter.api.Test;

/** Issue 11: a program's kernels are looked up in the platform, never given a default duration. */
class KernelLookupTest {
  private static final String PROGRAM = "{\"format\":\"ptosim-program\",\"version\":1,\"name\":\"k\",\"ops\":["
      + "{\"op\":\"scope_begin\",\"mode\":\"AUTO\"},"
      + "{\"op\":\"submit\",\"task\":0,\"kernel\":\"KERNEL\",\"active_mask\":1,\"block_num\":1,\"args\":[]},"
      + "{\"op\":\"scope_end\"}]}";

  @Test
  void anUnknownKernelIsRefusedWithTheKnownNames() throws Exception {
    var program = ProgramJson.parse(PROGRAM.replace("KERNEL", "nosuch"));
    assertThatThrownBy(() -> RunConfig.defaults(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("op 1: unknown kernel 'nosuch' (known on a2a3: defer_wait, hub, long, mix, pv, qk, sf, short, up; define one with kernel.nosuch=NS)");
  }

  @Test
  void aKernelDefinedByAnOverrideRuns() throws Exception {
    var program = ProgramJson.parse(PROGRAM.replace("KERNEL", "blocker"));
    RunConfig config = RunConfig.builder(program).platform(PlatformProfiles.a2a3().with("kernel.blocker", 50_000)).build();
    assertThat(Simulation.run(config, java.util.List.of()).completed()).isTrue();
  }

  @Test
  void aFieldNameWithALineBreakIsQuotedOnOneLine() {
    String program = PROGRAM.replace("KERNEL", "qk").replace("\"args\"", "\"kn\\r\\nel\"");
    assertThatThrownBy(() -> ProgramJson.parse(program))
        .isInstanceOf(ProgramException.class)
        .hasMessage("op 1: (submit) unknown field 'kn\\r\\nel'");
  }

  @Test
  void aHugeKernelNameIsRefusedByTheProgramReader() {
    String name = "k".repeat(1 << 20);
    assertThatThrownBy(() -> ProgramJson.parse(PROGRAM.replace("KERNEL", name)))
        .isInstanceOf(ProgramException.class)
        .hasMessageStartingWith("op 1: field 'kernel': a kernel name is 1..64 letters")
        .hasMessageEndingWith("...'");
  }
}
