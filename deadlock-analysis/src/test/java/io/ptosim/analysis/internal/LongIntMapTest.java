package io.ptosim.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class LongIntMapTest {

  @Property(tries = 200)
  void behavesLikeAHashMap(@ForAll long seed) {
    Random random = new Random(seed);
    LongIntMap map = new LongIntMap(random.nextInt(8));
    Map<Long, Integer> reference = new HashMap<>();
    for (int k = 0; k < 500; k++) {
      long key = random.nextBoolean() ? random.nextInt(300) : random.nextLong();
      int value = random.nextInt(Integer.MAX_VALUE);
      Integer previous = reference.putIfAbsent(key, value);
      assertThat(map.putIfAbsent(key, value)).isEqualTo(previous == null ? -1 : previous);
    }
    assertThat(map.size()).isEqualTo(reference.size());
    reference.forEach((key, value) -> assertThat(map.get(key)).isEqualTo(value));
    assertThat(map.get(Long.MIN_VALUE + 17)).isEqualTo(reference.getOrDefault(Long.MIN_VALUE + 17, -1));
  }
}
