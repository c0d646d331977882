package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a device log as the runtime printed it, streaming, in bounded memory: splits UTF-8 bytes
 * into lines, lets only lines holding a parser's anchor ({@link AnchorScanner}) be decoded and
 * unwrapped, offers them to each {@link RecordParser}, assembles deadlock blocks, and counts the
 * lines no parser knows. A recognised record with a bad value is a {@link DeviceLogException};
 * bytes that are not UTF-8 text are a {@link NotTextException}.
 */
public final class DeviceLogReader {
  /** Kept records per log; repeated dumps beyond this are only counted. */
  static final int MAX_RECORDS = 100_000;

  private static final int BUFFER = 1 << 20;

  private static final List<RecordParser> PARSERS = List.of(
      new AllocatorRecords(), new PoolRecords(), new ScopeRecords(), new StallDumpRecords(),
      new FatalRecords(), new HostRecords());

  private static final AnchorScanner ANCHORS = new AnchorScanner(anchors());

  private final Optional<Dialect> forced;

  /** A reader that detects the dialect ({@code forced} empty) or uses {@code forced}. */
  public DeviceLogReader(Optional<Dialect> forced) {
    this.forced = checkNotNull(forced, "forced");
  }

  private static List<String> anchors() {
    List<String> all = new ArrayList<>();
    PARSERS.forEach(p -> all.addAll(p.anchors()));
    all.add("next_block=");  // the seed snapshot's task records
    all.add("\u0000");  // a NUL byte: binary data, refused
    return all;
  }

  /** Reads {@code text}. */
  public DeviceLog read(CharSequence text) throws DeviceLogException {
    try {
      return read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /** Reads the UTF-8 file {@code file}. */
  public DeviceLog read(Path file) throws IOException, DeviceLogException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** Reads every byte {@code in} yields as UTF-8; the caller closes it. */
  public DeviceLog read(InputStream in) throws IOException, DeviceLogException {
    Session session = new Session(forced.isEmpty());
    byte[] buf = new byte[BUFFER];
    int filled = 0;
    int number = 0;
    long consumed = 0;  // bytes compacted away before buf[0]
    boolean eof = false;
    while (!eof || filled > 0) {
      if (!eof && filled < buf.length) {
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
          eof = true;
        } else {
          filled += n;
        }
      }
      int start = 0;
      while (true) {
        long scanned = ANCHORS.scanLine(buf, start, filled);
        int end = (int) scanned;
        if (end == filled && !eof) {
          break;  // a partial line: read more first
        }
        if (end == filled && start == end) {
          break;
        }
        number++;
        session.line(number, buf, start, end, (int) (scanned >>> 32), consumed + start);
        start = end + 1;
        if (start > filled) {
          start = filled;
        }
      }
      if (start == 0 && filled == buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);  // a line longer than the buffer
        continue;
      }
      System.arraycopy(buf, start, buf, 0, filled - start);
      filled -= start;
      consumed += start;
      if (eof && filled == 0) {
        break;
      }
    }
    session.closeBlock();
    Dialect dialect = forced.orElse(session.detector.dialect());
    String reason = forced.isPresent() ? "forced by --dialect " + dialect.name() : session.detector.reason();
    ImmutableList<StallBlock> blocks = ImmutableList.copyOf(session.blocks);
    for (StallBlock block : blocks) {
      Optional<DeviceRecord.Head> head = block.field(DeviceRecord.Head.class);
      if (head.isPresent()) {
        HeadState.of(head.get(), dialect);
      }
    }
    return new DeviceLog(dialect, reason, number, session.skipped, blocks,
        ImmutableList.copyOf(session.records), session.dropped, session.seedLine);
  }

  private static boolean blank(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static void requireUtf8(int number, byte[] buf, int from, int to, long offset) throws NotTextException {
    // Validate so that binary input is an error, not silently replaced characters.
    ByteBuffer in = ByteBuffer.wrap(buf, from, to - from);
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in);
    } catch (CharacterCodingException e) {
      throw new NotTextException(number, "not UTF-8 text (bad byte at offset " + (offset + in.position() - from) + ")");
    }
  }

  private static void refuseNul(int number, byte[] buf, int from, int to, long offset) throws NotTextException {
    for (int i = from; i < to; i++) {
      if (buf[i] == 0) {
        throw new NotTextException(number, "binary data, not text (NUL byte at offset " + (offset + i - from) + ")");
      }
    }
  }

  /** One read's state. */
  private static final class Session {
    private final DialectDetector detector = new DialectDetector();
    private boolean detecting;
    private final List<StallBlock> blocks = new ArrayList<>();
    private final List<DeviceRecord> records = new ArrayList<>();
    private Optional<DeviceRecord> header = Optional.empty();
    private List<DeviceRecord> fields;
    private int skipped;
    private long dropped;
    private OptionalInt seedLine = OptionalInt.empty();
    /** The previous line was non-blank, not a message line, and counted as skipped. */
    private boolean previousSkippedHeader;

    Session(boolean detecting) {
      this.detecting = detecting;
    }

    void line(int number, byte[] buf, int start, int end, int scan, long offset)
        throws DeviceLogException, NotTextException {
      if (start == end || (buf[start] <= ' ' && blank(buf, start, end))) {
        previousSkippedHeader = false;
        return;
      }
      boolean quoted = buf[start] == '"' || (number == 1 && end - start > 3 && buf[start + 3] == '"');
      if (!detecting && !quoted && scan != AnchorScanner.ANCHOR) {
        if (scan == AnchorScanner.NON_ASCII) {
          requireUtf8(number, buf, start, end, offset);
        }
        skipped++;
        previousSkippedHeader = true;
        return;
      }
      refuseNul(number, buf, start, end, offset);
      requireUtf8IfNeeded(number, buf, start, end, offset);
      String raw = new String(buf, start, end - start, StandardCharsets.UTF_8);
      if (number == 1 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      boolean onboard = LineUnwrapper.isOnboardMessage(raw);
      if (onboard && previousSkippedHeader) {
        skipped--;  // the onboard header line belongs to this message
      }
      previousSkippedHeader = false;
      Optional<LogLine> unwrapped = LineUnwrapper.unwrap(number, raw);
      if (unwrapped.isEmpty()) {
        return;  // only a byte-order mark
      }
      LogLine line = unwrapped.get();
      if (detecting) {
        detector.observe(number, raw, line);
        detecting = !detector.decided();
      }
      String message = line.message();
      for (RecordParser parser : PARSERS) {
        if (parser.mayMatch(message)) {
          Optional<DeviceRecord> record = parser.parse(line);
          if (record.isPresent()) {
            add(record.get());
            return;
          }
        }
      }
      if (seedLine.isEmpty() && SeedRecords.isTaskRecord(message)) {
        seedLine = OptionalInt.of(number);
        return;
      }
      skipped++;
      previousSkippedHeader = !onboard;
    }

    private void add(DeviceRecord record) {
      switch (kindOf(record)) {
        case HEADER -> {
          closeBlock();
          header = Optional.of(record);
          fields = new ArrayList<>();
        }
        case FIELD -> {
          if (fields == null) {
            fields = new ArrayList<>();
          }
          if (fields.size() < 64) {
            fields.add(record);
          } else {
            dropped++;
          }
        }
        case STANDALONE -> {
          if (!(record instanceof DeviceRecord.Blocked)) {
            closeBlock();
          }
          if (records.size() < MAX_RECORDS) {
            records.add(record);
          } else {
            dropped++;
          }
        }
      }
    }

    private static void requireUtf8IfNeeded(int number, byte[] buf, int start, int end, long offset)
        throws NotTextException {
      for (int i = start; i < end; i++) {
        if (buf[i] < 0) {
          requireUtf8(number, buf, start, end, offset);
          return;
        }
      }
    }

    void closeBlock() {
      if (fields != null) {
        if (blocks.size() < MAX_RECORDS) {
          blocks.add(new StallBlock(header, ImmutableList.copyOf(fields)));
        } else {
          dropped++;
        }
      }
      header = Optional.empty();
      fields = null;
    }
  }

  private enum Kind { HEADER, FIELD, STANDALONE }

  private static Kind kindOf(DeviceRecord r) {
    if (r instanceof DeviceRecord.AllocatorHeader || r instanceof DeviceRecord.PoolHeader
        || r instanceof DeviceRecord.ScopeHeader) {
      return Kind.HEADER;
    }
    if (r instanceof DeviceRecord.ScopeGated || r instanceof DeviceRecord.Backstop
        || r instanceof DeviceRecord.TaskRing || r instanceof DeviceRecord.HeapRing
        || r instanceof DeviceRecord.Requested || r instanceof DeviceRecord.Head
        || r instanceof DeviceRecord.PoolUsed || r instanceof DeviceRecord.Needed
        || r instanceof DeviceRecord.LastAlive || r instanceof DeviceRecord.CurrentTask
        || r instanceof DeviceRecord.InFlight || r instanceof DeviceRecord.ScopeCount
        || r instanceof DeviceRecord.ScopeField || r instanceof DeviceRecord.ActiveTasks) {
      return Kind.FIELD;
    }
    return Kind.STANDALONE;
  }
}
