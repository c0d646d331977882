package io.ptosim.analysis.device;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a device log as the runtime printed it, streaming, in bounded memory: unwraps each line,
 * offers it to each {@link RecordParser}, assembles deadlock blocks, and counts the lines no
 * parser knows. A recognised record with a bad value is a {@link DeviceLogException}.
 */
public final class DeviceLogReader {
  /** Kept records per log; repeated dumps beyond this are only counted. */
  static final int MAX_RECORDS = 100_000;

  private static final List<RecordParser> PARSERS = List.of(
      new AllocatorRecords(), new PoolRecords(), new ScopeRecords(), new StallDumpRecords(),
      new FatalRecords(), new HostRecords());

  private final Optional<Dialect> forced;

  /** A reader that detects the dialect ({@code forced} empty) or uses {@code forced}. */
  public DeviceLogReader(Optional<Dialect> forced) {
    this.forced = checkNotNull(forced, "forced");
  }

  /** Reads {@code text}. */
  public DeviceLog read(CharSequence text) throws DeviceLogException {
    try {
      return read(new StringReader(text.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /** Reads the UTF-8 file {@code file}. */
  public DeviceLog read(Path file) throws IOException, DeviceLogException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader);
    }
  }

  /** Reads everything {@code reader} yields; the caller closes it. */
  public DeviceLog read(Reader reader) throws IOException, DeviceLogException {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    Session session = new Session();
    int number = 0;
    for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
      number++;
      session.accept(number, number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw);
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

  /** One read's state. */
  private static final class Session {
    private final LineUnwrapper unwrapper = new LineUnwrapper();
    private final DialectDetector detector = new DialectDetector();
    private final List<StallBlock> blocks = new ArrayList<>();
    private final List<DeviceRecord> records = new ArrayList<>();
    private Optional<DeviceRecord> header = Optional.empty();
    private List<DeviceRecord> fields;
    private int skipped;
    private long dropped;
    private OptionalInt seedLine = OptionalInt.empty();

    void accept(int number, String raw) throws DeviceLogException {
      Optional<LogLine> unwrapped = unwrapper.accept(number, raw);
      if (unwrapped.isEmpty()) {
        return;
      }
      if (unwrapper.headerPending()) {
        skipped--;  // the onboard header line belongs to this message
      }
      LogLine line = unwrapped.get();
      detector.observe(number, raw, line);
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
