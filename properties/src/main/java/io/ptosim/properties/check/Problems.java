package io.ptosim.properties.check;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What a check found wrong, one line per problem; empty when the property holds. Checks return
 * problems instead of throwing so that the same check serves the property (which requires none),
 * the tests that show a property can fail (which require some) and {@code Replay}.
 */
public final class Problems {
  private Problems() {}

  /** Throws an {@link AssertionError} listing {@code problems} unless there are none. */
  public static void require(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new AssertionError(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
  }

  /** A builder that caps the list, since one root cause can repeat on every task. */
  public static final class Collector {
    private static final int MAX = 20;
    private final ImmutableList.Builder<String> out = ImmutableList.builder();
    private int count;

    public void add(String problem) {
      if (count++ < MAX) {
        out.add(problem);
      } else if (count == MAX + 1) {
        out.add("... (more problems not listed)");
      }
    }

    public boolean isEmpty() {
      return count == 0;
    }

    public ImmutableList<String> build() {
      return out.build();
    }
  }
}
