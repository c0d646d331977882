package io.ptosim.analysis.device;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho-Corasick automaton over bytes that tells, in one table step per byte, whether a line
 * holds any of the parsers' anchors. Gigabyte logs are almost all lines without a record; this
 * lets the reader skip them without decoding them to strings.
 */
final class AnchorScanner {
  private final int[] next;
  private final boolean[] accepting;

  AnchorScanner(List<String> anchors) {
    List<int[]> gotoRows = new ArrayList<>();
    List<Boolean> out = new ArrayList<>();
    gotoRows.add(newRow());
    out.add(false);
    for (String anchor : anchors) {
      int state = 0;
      for (byte b : anchor.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xFF;
        if (gotoRows.get(state)[c] < 0) {
          gotoRows.add(newRow());
          out.add(false);
          gotoRows.get(state)[c] = gotoRows.size() - 1;
        }
        state = gotoRows.get(state)[c];
      }
      out.set(state, true);
    }
    int states = gotoRows.size();
    next = new int[states * 256];
    accepting = new boolean[states];
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < 256; c++) {
      int s = gotoRows.get(0)[c];
      if (s < 0) {
        next[c] = 0;
      } else {
        next[c] = s;
        fail[s] = 0;
        queue.add(s);
      }
    }
    for (int s = 0; s < states; s++) {
      accepting[s] = out.get(s);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      accepting[s] |= accepting[fail[s]];
      for (int c = 0; c < 256; c++) {
        int t = gotoRows.get(s)[c];
        if (t < 0) {
          next[s * 256 + c] = next[fail[s] * 256 + c];
        } else {
          fail[t] = next[fail[s] * 256 + c];
          next[s * 256 + c] = t;
          queue.add(t);
        }
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[256];
    Arrays.fill(row, -1);
    return row;
  }

  /** {@link #scan} found an anchor. */
  static final int ANCHOR = 1;
  /** {@link #scan} found no anchor but a byte outside ASCII. */
  static final int NON_ASCII = 2;

  /** {@link #ANCHOR}, {@link #NON_ASCII}, or 0 for a plain ASCII line without an anchor. */
  int scan(byte[] bytes, int from, int to) {
    int state = 0;
    int high = 0;
    for (int i = from; i < to; i++) {
      int b = bytes[i];
      high |= b;
      state = next[(state << 8) | (b & 0xFF)];
      if (accepting[state]) {
        return ANCHOR;
      }
    }
    return high < 0 ? NON_ASCII : 0;
  }

  /**
   * Scans the line starting at {@code from} up to the next newline (or {@code to}) in one pass:
   * the line's end in the low 32 bits, {@link #ANCHOR} / {@link #NON_ASCII} shifted by 32 above.
   */
  long scanLine(byte[] bytes, int from, int to) {
    int state = 0;
    int high = 0;
    int i = from;
    for (; i < to; i++) {
      int b = bytes[i];
      if (b == '\n') {
        return i | ((long) (high < 0 ? NON_ASCII : 0) << 32);
      }
      high |= b;
      state = next[(state << 8) | (b & 0xFF)];
      if (accepting[state]) {
        for (i++; i < to && bytes[i] != '\n'; i++) {
          // the rest of the line only has to be found
        }
        return i | ((long) ANCHOR << 32);
      }
    }
    return i | ((long) (high < 0 ? NON_ASCII : 0) << 32);
  }

  /** Whether {@code bytes[from, to)} contains an anchor. */
  boolean matches(byte[] bytes, int from, int to) {
    return scan(bytes, from, to) == ANCHOR;
  }
}
