package io.ptosim.analysis.text;

import static io.ptosim.analysis.text.SnapshotFormatException.badToken;
import static io.ptosim.analysis.text.SnapshotFormatException.missingToken;

import io.ptosim.analysis.snapshot.Count;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line that holds a recognised record: its kind and its {@code key=value} tokens, with typed
 * accessors that turn a bad value into a {@link SnapshotFormatException} naming line and token.
 *
 * <p>A record is the longest run of {@code key=value} tokens that ends the line; whatever stands
 * before it (timestamps, log prefixes, a trace marker) is prefix. So a prose sentence that merely
 * mentions {@code task=2} is not a record, while {@code [t=5] W: task=2 state=1 ...} is.
 */
final class RecordLine {
  private final int number;
  private final RecordKind kind;
  private final Map<String, String> tokens;

  private RecordLine(int number, RecordKind kind, Map<String, String> tokens) {
    this.number = number;
    this.kind = kind;
    this.tokens = tokens;
  }

  /** The record on {@code line}, or empty when the line holds none. */
  static Optional<RecordLine> of(int number, String line) throws SnapshotFormatException {
    List<String> words = split(line);
    int start = words.size();
    while (start > 0 && isKeyValue(words.get(start - 1))) {
      start--;
    }
    if (start == words.size()) {
      return Optional.empty();
    }
    Optional<RecordKind> kind =
        start > 0 ? RecordKind.ofMarker(words.get(start - 1)) : Optional.empty();
    if (kind.isEmpty()) {
      for (int i = start; i < words.size() && kind.isEmpty(); i++) {
        kind = RecordKind.ofKey(key(words.get(i)));
      }
    }
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String word : words.subList(start, words.size())) {
      String key = key(word);
      if (kind.get().knows(key) && tokens.putIfAbsent(key, word) != null) {
        throw badToken(number, word, "duplicate key '" + key + "'");
      }
    }
    return Optional.of(new RecordLine(number, kind.get(), tokens));
  }

  int number() {
    return number;
  }

  RecordKind kind() {
    return kind;
  }

  boolean has(String key) {
    return tokens.containsKey(key);
  }

  /** The whole token {@code key=value}; the key must be present. */
  String token(String key) throws SnapshotFormatException {
    String token = tokens.get(key);
    if (token == null) {
      throw missingToken(number, key, kind.label());
    }
    return token;
  }

  /** The value of a present key. */
  String value(String key) throws SnapshotFormatException {
    return token(key).substring(key.length() + 1);
  }

  SnapshotFormatException bad(String key, String reason) throws SnapshotFormatException {
    return badToken(number, token(key), reason);
  }

  /** A decimal id or counter that fits a {@code long}. */
  long id(String key) throws SnapshotFormatException {
    return decimal(key, value(key), Long.MAX_VALUE);
  }

  /** A small non-negative decimal number that fits an {@code int}. */
  int number(String key) throws SnapshotFormatException {
    return (int) decimal(key, value(key), Integer.MAX_VALUE);
  }

  /** An {@code a/b} counter with {@code a <= b}. */
  Count count(String key) throws SnapshotFormatException {
    String value = value(key);
    int slash = value.indexOf('/');
    if (slash < 0 || value.indexOf('/', slash + 1) >= 0) {
      throw bad(key, "expected a/b");
    }
    long done = decimal(key, value.substring(0, slash), Long.MAX_VALUE);
    long total = decimal(key, value.substring(slash + 1), Long.MAX_VALUE);
    if (done > total) {
      throw bad(key, "done exceeds total");
    }
    return Count.of(done, total);
  }

  private long decimal(String key, String digits, long max) throws SnapshotFormatException {
    if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
      throw bad(key, "expected a non-negative decimal number");
    }
    try {
      long value = Long.parseLong(digits);
      if (value > max) {
        throw bad(key, "number out of range");
      }
      return value;
    } catch (NumberFormatException e) {
      throw bad(key, "number out of range");
    }
  }

  private static boolean isKeyValue(String word) {
    int eq = word.indexOf('=');
    if (eq <= 0 || !isKeyStart(word.charAt(0))) {
      return false;
    }
    for (int i = 1; i < eq; i++) {
      char c = word.charAt(i);
      if (!isKeyStart(c) && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isKeyStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static String key(String word) {
    int eq = word.indexOf('=');
    return eq < 0 ? "" : word.substring(0, eq);
  }

  private static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && isSeparator(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSeparator(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(line.substring(start, i));
      }
    }
    return words;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t';
  }
}
