package io.ptosim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The one reader of text input for every command (snapshots, programs, logs, deps files): UTF-8
 * decoded strictly, a leading byte-order mark dropped, binary data and oversized files refused, and
 * every failure reported the same way: {@code cannot read PATH: REASON}, or {@code PATH: not UTF-8
 * text (byte N)} / {@code PATH: binary data (NUL byte at N)}.
 */
public final class TextInput {

  /** The largest text file a command reads: 1 GiB (a million-task snapshot is about 100 MB). */
  public static final long MAX_BYTES = 1L << 30;

  private TextInput() {}

  /** The text of {@code file}, or of standard input for {@code -}. */
  public static String read(String file) {
    String name = displayName(file);
    if (!file.equals("-")) {
      return read(Path.of(file), name);
    }
    byte[] bytes;
    try {
      bytes = readBounded(System.in, name);
    } catch (IOException e) {
      throw new UserInputException("cannot read " + name + ": " + reason(e));
    }
    return decode(name, bytes);
  }

  /** The text of {@code path}. */
  public static String read(Path path) {
    return read(path.toString());
  }

  /** The text of {@code path}, named {@code name} in messages (e.g. standard input spooled to a file). */
  public static String read(Path path, String name) {
    byte[] bytes;
    try {
      bytes = readFile(path, name);
    } catch (IOException e) {
      throw new UserInputException("cannot read " + name + ": " + reason(e));
    }
    return decode(name, bytes);
  }

  /** The bytes of {@code path}, refused before reading when it is a directory or over {@link #MAX_BYTES}. */
  private static byte[] readFile(Path path, String name) throws IOException {
    if (Files.isDirectory(path)) {
      throw new UserInputException("cannot read " + name + ": is a directory");
    }
    if (Files.exists(path) && Files.size(path) > MAX_BYTES) {
      throw tooLarge(name);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return readBounded(in, name);
    }
  }

  /** How a command names its input in messages. */
  public static String displayName(String file) {
    return file.equals("-") ? "<stdin>" : file;
  }

  /** Decodes {@code bytes} as {@code read} does; public to the fuzz harness, which has no files. */
  public static String decode(String name, byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new UserInputException(name + ": binary data, not text (NUL byte at offset " + i + ")");
      }
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (MalformedInputException e) {
      throw new UserInputException(name + ": not UTF-8 text (bad byte at offset " + buffer.position() + ")");
    } catch (CharacterCodingException e) {
      throw new UserInputException(name + ": not UTF-8 text");
    }
  }

  private static byte[] readBounded(InputStream in, String name) throws IOException {
    byte[] buf = new byte[1 << 16];
    int n = 0;
    for (int r; (r = in.read(buf, n, buf.length - n)) >= 0; ) {
      n += r;
      if (n == buf.length) {
        if (buf.length >= MAX_BYTES) {
          throw tooLarge(name);
        }
        buf = Arrays.copyOf(buf, (int) Math.min(MAX_BYTES + 1, buf.length * 2L));
      }
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  private static UserInputException tooLarge(String name) {
    return new UserInputException("cannot read " + name + ": larger than " + (MAX_BYTES >> 20) + " MiB");
  }

  /** The reason of an I/O failure in words, without the path the message already names. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
