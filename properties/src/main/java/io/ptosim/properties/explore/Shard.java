package io.ptosim.properties.explore;

import com.google.common.base.Preconditions;
import java.util.List;

/**
 * Shard {@code index} of {@code count}: programs {@code index - 1}, {@code index - 1 + count}, ...
 * of the seed's stream. {@code 1/1} is the whole campaign.
 */
public record Shard(int index, int count) {
  public static final Shard WHOLE = new Shard(1, 1);

  public Shard {
    Preconditions.checkArgument(count >= 1 && index >= 1 && index <= count, "shard must be i/n with 1 <= i <= n: %s/%s",
        index, count);
  }

  /** Parses {@code i/n}; an {@link IllegalArgumentException} says what is wrong. */
  public static Shard parse(String text) {
    List<String> parts = List.of(text.split("/", -1));
    if (parts.size() != 2) {
      throw new IllegalArgumentException("shard must be i/n, e.g. 2/3: '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(parts.get(0).trim()), Integer.parseInt(parts.get(1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shard must be i/n with whole numbers, e.g. 2/3: '" + text + "'");
    }
  }

  public boolean whole() {
    return count == 1;
  }

  /** The first program index of this shard. */
  public long first() {
    return index - 1L;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
