package io.ptosim.des.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.ptosim.des.kernel.TieBreak;
import io.ptosim.des.testing.Forked;
import io.ptosim.des.testing.ToyDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceHashTest {

  @Test
  void sameRunGivesTheSameHashInOneJvm() {
    String a = ToyDevice.run(40, 6, TieBreak.fifo(), List.of());
    String b = ToyDevice.run(40, 6, TieBreak.fifo(), List.of());
    assertThat(a).hasSize(64).isEqualTo(b);
  }

  @Test
  void sameRunGivesTheSameHashInAnotherJvm() throws Exception {
    String here = ToyDevice.run(40, 6, TieBreak.shuffle(5), List.of());
    Forked f = Forked.run(ToyDevice.class, "40", "6", "shuffle:5");
    assertThat(f.exitCode()).as(f.stderr()).isZero();
    assertThat(f.stdout().trim()).isEqualTo(here);
  }

  @Test
  void shuffleIsReproducibleAndDiffersAcrossSeedsOnAWorkloadWithTies() {
    String s1 = ToyDevice.run(40, 6, TieBreak.shuffle(1), List.of());
    assertThat(ToyDevice.run(40, 6, TieBreak.shuffle(1), List.of())).isEqualTo(s1);
    assertThat(ToyDevice.run(40, 6, TieBreak.shuffle(2), List.of())).isNotEqualTo(s1);
    assertThat(ToyDevice.run(40, 6, TieBreak.fifo(), List.of())).isNotEqualTo(s1);
  }

  @Test
  void hashIsTheSha256OfTheCanonicalText() {
    MemoryTrace memory = new MemoryTrace();
    String hash = ToyDevice.run(3, 2, TieBreak.fifo(), List.of(memory));
    assertThat(memory.lines()).containsExactly(
        "t=0 tick=0 dispatch thread=0 shape=1 task=0 block=0/1 core=AIV0 kernel=toy",
        "t=0 tick=0 dispatch thread=1 shape=1 task=1 block=0/1 core=AIV1 kernel=toy",
        "t=100 tick=5 block_done thread=0 task=0 block=0/1 core=AIV0",
        "t=100 tick=5 complete task=0 thread=0",
        "t=100 tick=5 dispatch thread=0 shape=1 task=2 block=0/1 core=AIV0 kernel=toy",
        "t=200 tick=10 block_done thread=1 task=1 block=0/1 core=AIV1",
        "t=200 tick=10 complete task=1 thread=1",
        "t=200 tick=10 block_done thread=0 task=2 block=0/1 core=AIV0",
        "t=200 tick=10 complete task=2 thread=0");
    String text = String.join("\n", memory.lines()) + "\n";
    assertThat(hash).isEqualTo(com.google.common.hash.Hashing.sha256()
        .hashString(text, java.nio.charset.StandardCharsets.UTF_8).toString());
  }
}
