package io.ptosim.scheduler.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.ptosim.scheduler.program.Op;
import io.ptosim.scheduler.program.Program;
import io.ptosim.scheduler.program.ProgramBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task's kernel_ids [aic, aiv0, aiv1] from its per-core kernels, and back. */
class KernelTableTest {

  @Test
  void perCoreKernelsExportAsTheirOwnFuncIdsPerSlot() {
    ProgramBuilder pb = ProgramBuilder.named("per-core");
    pb.submitPerCore("qksf", 7, 1, List.of("qk", "sf", "sf"));
    pb.submitPerCore("mine", 5, 1, List.of("mm", "", "add"));
    pb.submit("up", 1, 1);
    Program p = pb.build();
    KernelTable table = KernelTable.forProgram(p);
    // paged attention's names keep their ids (qk 0, sf 1, up 3); new names follow in submit order
    assertThat(table.kernelIds((Op.Submit) p.ops().get(0))).containsExactly(0, 1, 1);
    assertThat(table.kernelIds((Op.Submit) p.ops().get(1))).containsExactly(4, -1, 5);
    assertThat(table.kernelIds((Op.Submit) p.ops().get(2))).containsExactly(3, -1, -1);
    // reading back: different ids per slot give per-core kernels, one id one kernel
    assertThat(table.coreKernels(ImmutableList.of(0, 1, 1))).containsExactly("qk", "sf", "sf");
    assertThat(table.coreKernels(ImmutableList.of(4, -1, 5))).containsExactly("mm", "", "add");
    assertThat(table.coreKernels(ImmutableList.of(3, 3, -1))).isEmpty();
    assertThat(KernelTable.RECORDED.coreKernels(ImmutableList.of(0, 1, 2))).containsExactly("f0", "f1", "f2");
    assertThat(KernelTable.RECORDED.kernelName(ImmutableList.of(0, 1, 2))).isEqualTo("f0.1.2");
  }
}
