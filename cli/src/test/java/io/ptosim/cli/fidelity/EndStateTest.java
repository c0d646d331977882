package io.ptosim.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The agreement rule of the fidelity tables. */
class EndStateTest {

  @Test
  void completedAgreesOnlyWithCompleted() {
    assertTrue(EndState.parse("COMPLETED").agreesWith(EndState.completed()));
    assertFalse(EndState.parse("COMPLETED").agreesWith(EndState.fatal(3, OptionalInt.of(2))));
  }

  @Test
  void aRingUpstreamPrintsMustBePrintedByPtosim() {
    EndState upstream = EndState.parse("FATAL 1 ring=2");
    assertTrue(upstream.agreesWith(EndState.fatal(1, OptionalInt.of(2))));
    assertFalse(upstream.agreesWith(EndState.fatal(1, OptionalInt.empty())), "ring missing from ptosim's text");
    assertFalse(upstream.agreesWith(EndState.fatal(1, OptionalInt.of(1))), "wrong ring");
    assertFalse(upstream.agreesWith(EndState.fatal(2, OptionalInt.of(2))), "wrong code");
  }

  @Test
  void withoutAnUpstreamRingOnlyTheCodeCounts() {
    assertTrue(EndState.parse("FATAL 4").agreesWith(EndState.fatal(4, OptionalInt.of(2))));
    assertFalse(EndState.parse("FATAL 4").agreesWith(EndState.completed()));
  }

  @Test
  void crashesNotRunAndErrorsNeverAgree() {
    assertFalse(EndState.parse("CRASH SIGSEGV").agreesWith(EndState.parse("CRASH SIGSEGV")));
    assertFalse(EndState.parse("NOT_RUN").agreesWith(EndState.parse("NOT_RUN")));
    assertFalse(EndState.other("error: x").agreesWith(EndState.other("error: x")));
  }

  @Test
  void spellingRoundTripsAndBadSpellingIsRejected() {
    for (String s : new String[] {"COMPLETED", "NOT_RUN", "FATAL 4", "FATAL 1 ring=2", "CRASH SIGSEGV"}) {
      assertEquals(s, EndState.parse(s).toString());
    }
    assertThrows(IllegalArgumentException.class, () -> EndState.parse("FATAL"));
    assertThrows(IllegalArgumentException.class, () -> EndState.parse("ABORTED 3"));
  }
}
