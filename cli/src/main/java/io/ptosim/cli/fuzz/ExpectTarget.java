package io.ptosim.cli.fuzz;

import io.ptosim.cli.TextInput;
import io.ptosim.cli.UserInputException;
import io.ptosim.properties.corpus.ExpectationJson;
import java.util.List;

/** The corpus's {@code .expect} reader (properties module): text decoding and {@link ExpectationJson#parse}. */
final class ExpectTarget implements FuzzTarget {
  private final List<byte[]> seeds = Seeds.load("issue1545-lost-advance.expect", "issue277-scope-overflow.expect",
      "generated-stall.expect");

  @Override
  public String name() {
    return "expect";
  }

  @Override
  public List<byte[]> seeds() {
    return seeds;
  }

  @Override
  public FuzzOutcome read(byte[] input) {
    try {
      ExpectationJson.parse(TextInput.decode("input", input));
      return FuzzOutcome.accepted();
    } catch (UserInputException | IllegalArgumentException e) {
      return FuzzOutcome.rejected(e.getMessage());
    }
  }
}
