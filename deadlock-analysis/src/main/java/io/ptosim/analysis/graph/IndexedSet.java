package io.ptosim.analysis.graph;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * An unmodifiable set view of {@code size} elements produced on demand by position, in position
 * order, so that JGraphT algorithms and exporters see the graph in its canonical order.
 */
final class IndexedSet<T> extends AbstractSet<T> {
  private final int size;
  private final IntFunction<T> element;
  private final Predicate<Object> contains;

  IndexedSet(int size, IntFunction<T> element, Predicate<Object> contains) {
    this.size = size;
    this.element = element;
    this.contains = contains;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public T next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return element.apply(next++);
      }
    };
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean contains(Object o) {
    return contains.test(o);
  }
}
