package io.ptosim.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of text inputs, seeded: byte flips, deletions, truncation, line duplication, deletion
 * and swaps, numbers replaced by boundary values (0, -1, 2^31, 2^63 - 1, 2^63, twenty digits),
 * hostile tokens inserted (a BOM, NUL, invalid UTF-8, separators, extra records), lines spliced in
 * from another seed, one line repeated many times. Every case stays below {@link #MAX_BYTES}.
 */
public final class Mutator {
  /** The largest mutated input: the per-case memory guard. */
  public static final int MAX_BYTES = 1 << 20;

  static final String[] NUMBERS = {
    "0", "1", "-1", "2", "7", "64", "1024", "32767", "32768", "65535", "2147483647", "2147483648", "4294967296",
    "2305843009213693952", "9223372036854775806", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "99999999999999999999", "1e9", "0x10", "00", "3.5", "", "NaN"
  };

  static final String[] TOKENS = {
    "=", "/", "->", "\uFEFF", "\u0000", "\t", "\n", "\r\n", "{", "}", "[", "]", "\"", ",", ":", "null", "true", "none",
    "edge=none", "edge=1->2", "pending=complete at_ns=1 task=5", "task=1", "ring=0 last_alive=0 current=0",
    "orchestrator=blocked waiting=heap ring=3", "scope=1 mode=MANUAL state=open", "block_num=0", "state=9", "fanin=3/2",
    "\"op\":\"submit\"", "\"kernel\":\"nosuch\"", "\"block_num\":0", "{\"op\":\"scope_end\"},", "\"version\":2",
    "\u00e9", "\u4e2d", "#", "  "
  };

  private Mutator() {}

  /** One to four mutations of {@code seed}; {@code seeds} are the target's other valid inputs, for splicing. */
  public static byte[] mutate(byte[] seed, List<byte[]> seeds, SplittableRandom random) {
    byte[] data = seed;
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      data = once(data, seeds, random);
      if (data.length > MAX_BYTES) {
        data = java.util.Arrays.copyOf(data, MAX_BYTES);
      }
    }
    return data;
  }

  private static byte[] once(byte[] data, List<byte[]> seeds, SplittableRandom random) {
    switch (random.nextInt(14)) {
      case 0: { // flip a byte
        if (data.length == 0) {
          return data;
        }
        byte[] out = data.clone();
        out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        return out;
      }
      case 1: { // delete a range
        if (data.length == 0) {
          return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(64));
        return concat(slice(data, 0, from), slice(data, to, data.length));
      }
      case 2: // truncate
        return slice(data, 0, data.length == 0 ? 0 : random.nextInt(data.length));
      case 3: { // invalid UTF-8 or a lone continuation byte
        int at = data.length == 0 ? 0 : random.nextInt(data.length);
        byte[] bad = random.nextBoolean() ? new byte[] {(byte) 0xC3} : new byte[] {(byte) 0x80, (byte) 0xFF};
        return concat(slice(data, 0, at), bad, slice(data, at, data.length));
      }
      case 4: // a byte-order mark in front
        return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, data);
      default:
        return text(new String(data, StandardCharsets.UTF_8), seeds, random).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String text(String s, List<byte[]> seeds, SplittableRandom random) {
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    int n = lines.size();
    switch (random.nextInt(9)) {
      case 0: { // duplicate a line
        int i = random.nextInt(n);
        lines.add(random.nextInt(n + 1), lines.get(i));
        return String.join("\n", lines);
      }
      case 1: // delete a line
        lines.remove(random.nextInt(n));
        return String.join("\n", lines);
      case 2: { // swap two lines
        int i = random.nextInt(n);
        int j = random.nextInt(n);
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        return String.join("\n", lines);
      }
      case 3: { // splice a line of another seed
        String other = new String(seeds.get(random.nextInt(seeds.size())), StandardCharsets.UTF_8);
        String[] ol = other.split("\n", -1);
        lines.add(random.nextInt(n + 1), ol[random.nextInt(ol.length)]);
        return String.join("\n", lines);
      }
      case 4: { // repeat one line many times
        String line = lines.get(random.nextInt(n));
        int times = 1 + random.nextInt(1000);
        StringBuilder sb = new StringBuilder(s);
        for (int k = 0; k < times && sb.length() < MAX_BYTES; k++) {
          sb.append('\n').append(line);
        }
        return sb.toString();
      }
      case 5: // insert a hostile token
        return insert(s, random, TOKENS[random.nextInt(TOKENS.length)]);
      default: // replace a number by a boundary value
        return replaceNumber(s, random);
    }
  }

  private static String insert(String s, SplittableRandom random, String token) {
    int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
    if (random.nextBoolean() && !s.isEmpty()) {
      // at a word boundary, as a separate token
      int space = s.indexOf(' ', at);
      at = space < 0 ? s.length() : space;
      token = " " + token;
    }
    return s.substring(0, at) + token + s.substring(at);
  }

  private static String replaceNumber(String s, SplittableRandom random) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < s.length(); ) {
      if (Character.isDigit(s.charAt(i))) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        runs.add(new int[] {i, j});
        i = j;
      } else {
        i++;
      }
    }
    if (runs.isEmpty()) {
      return insert(s, random, NUMBERS[random.nextInt(NUMBERS.length)]);
    }
    int[] run = runs.get(random.nextInt(runs.size()));
    return s.substring(0, run[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + s.substring(run[1]);
  }

  private static byte[] slice(byte[] data, int from, int to) {
    return java.util.Arrays.copyOfRange(data, from, to);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
