package org.telecube.etl.feed;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a feed file (CSV, UTF-8, header row, RFC 4180; gzip when named {@code .gz} or when it
 * starts with the gzip magic) and validates every field of every row against its
 * {@link FeedKind}. Good rows go to {@link RowSink#accepted}, bad ones to
 * {@link RowSink#rejected} with the line they start on. File-level problems throw
 * {@link FeedRefusedException}.
 */
public final class FeedReader {
  /** Progress is reported every this many rows. */
  public static final int PROGRESS_EVERY = 8_192;

  /** Receives progress while a file is read. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param rowsRead data rows read so far
     * @param bytesRead bytes of the file read so far (compressed bytes for gzip), for a bar
     *     against the file size
     */
    void update(long rowsRead, long bytesRead);

    Progress NONE = (rows, bytes) -> { };
  }

  private FeedReader() {
  }

  /** Reads only the header row and matches it against {@code kind}. */
  public static FeedHeader header(Path file, FeedKind kind) {
    String name = file.getFileName().toString();
    try (CountingInputStream counting = open(file);
         CsvReader<CsvRecord> csv = csv(reader(decompress(file, counting)))) {
      CloseableIterator<CsvRecord> it = csv.iterator();
      if (!it.hasNext()) {
        throw new FeedRefusedException(name, "empty file (expected a header row)");
      }
      return FeedHeader.match(kind, it.next().getFields());
    } catch (IOException | UncheckedIOException | CsvParseException e) {
      throw refused(name, e);
    }
  }

  /**
   * Reads every row of {@code file}.
   *
   * @throws FeedRefusedException when the file as a whole cannot be loaded (missing required
   *     column, not UTF-8, broken gzip or CSV)
   */
  public static ReadCounts read(Path file, FeedKind kind, ValidationContext context, RowSink sink,
                                Progress progress) {
    String name = file.getFileName().toString();
    try (CountingInputStream counting = open(file);
         CsvReader<CsvRecord> csv = csv(reader(decompress(file, counting)))) {
      CloseableIterator<CsvRecord> it = csv.iterator();
      if (!it.hasNext()) {
        throw new FeedRefusedException(name, "empty file (expected a header row)");
      }
      FeedHeader header = FeedHeader.match(kind, it.next().getFields());
      if (!header.missingRequired().isEmpty()) {
        throw missingColumns(name, header);
      }
      RowValidator validator = new RowValidator(name, header, context);
      long read = 0;
      long rejected = 0;
      while (it.hasNext()) {
        CsvRecord row = it.next();
        read++;
        if (!validator.validate(row, sink)) {
          rejected++;
        }
        if (read % PROGRESS_EVERY == 0) {
          progress.update(read, counting.count());
        }
      }
      progress.update(read, counting.count());
      return new ReadCounts(read, read - rejected, rejected);
    } catch (IOException | UncheckedIOException | CsvParseException e) {
      throw refused(name, e);
    }
  }

  /** The refusal for a header lacking required columns. */
  public static FeedRefusedException missingColumns(String fileName, FeedHeader header) {
    List<String> missing = header.missingRequired();
    return new FeedRefusedException(fileName, "missing required column" + (missing.size() > 1 ? "s " : " ")
        + String.join(", ", missing) + " for feed " + header.kind().code());
  }

  /** Validates rows against a header; holds the reused value array. */
  private static final class RowValidator {
    private final String fileName;
    private final FeedHeader header;
    private final ValidationContext context;
    private final List<Column> columns;
    private final int[] positions;
    private final Object[] values;
    private final List<RowRule> rules;
    private final List<Reject> problems = new ArrayList<>();

    RowValidator(String fileName, FeedHeader header, ValidationContext context) {
      this.fileName = fileName;
      this.header = header;
      this.context = context;
      this.columns = header.kind().columns();
      this.positions = header.positions();
      this.values = new Object[columns.size()];
      this.rules = header.kind().rules();
    }

    /** Returns true when the row was accepted. */
    boolean validate(CsvRecord row, RowSink sink) {
      long line = row.getStartingLineNumber();
      if (row.getFieldCount() != header.fieldCount()) {
        sink.rejected(new Reject(fileName, line, null, null, "expected " + header.fieldCount()
            + " fields, found " + row.getFieldCount(), rawLine(row)));
        return false;
      }
      problems.clear();
      for (int c = 0; c < values.length; c++) {
        Column column = columns.get(c);
        int at = positions[c];
        String text = at < 0 ? "" : row.getField(at).strip();
        if (text.isEmpty()) {
          values[c] = null;
          if (column.required()) {
            problems.add(new Reject(fileName, line, column.name(), "", "missing required " + column.name(), null));
          }
          continue;
        }
        try {
          values[c] = column.type().parse(text, column.name(), context);
        } catch (InvalidValueException e) {
          values[c] = null;
          problems.add(new Reject(fileName, line, column.name(), text, e.reason(), null));
        }
      }
      if (problems.isEmpty()) {
        for (RowRule rule : rules) {
          RowRule.Problem p = rule.check(values);
          if (p != null) {
            int at = positions[header.kind().columnIndex(p.column())];
            problems.add(new Reject(fileName, line, p.column(), at < 0 ? null : row.getField(at), p.reason(), null));
          }
        }
      }
      if (problems.isEmpty()) {
        sink.accepted(line, values);
        return true;
      }
      String raw = rawLine(row);
      for (Reject p : problems) {
        sink.rejected(new Reject(p.fileName(), p.line(), p.column(), p.value(), p.reason(), raw));
      }
      return false;
    }
  }

  /** The row re-assembled as an RFC 4180 line (FastCSV does not keep the raw text). */
  static String rawLine(CsvRecord row) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < row.getFieldCount(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = row.getField(i);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    return sb.toString();
  }

  private static FeedRefusedException refused(String name, Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof FeedRefusedException f) {
      return f;
    }
    if (cause instanceof CharacterCodingException) {
      return new FeedRefusedException(name, "not valid UTF-8 text (feeds must be UTF-8)", e);
    }
    if (cause instanceof ZipException) {
      return new FeedRefusedException(name, "not a valid gzip file: " + cause.getMessage(), e);
    }
    if (cause instanceof NoSuchFileException) {
      return new FeedRefusedException(name, "no such file", e);
    }
    if (cause instanceof CsvParseException) {
      return new FeedRefusedException(name, "not parseable as CSV: " + cause.getMessage(), e);
    }
    return new FeedRefusedException(name, "cannot read: " + IoReasons.of(cause), e);
  }

  private static CsvReader<CsvRecord> csv(Reader reader) {
    return CsvReader.builder()
        .fieldSeparator(',')
        .quoteCharacter('"')
        .skipEmptyLines(true)
        .ignoreDifferentFieldCount(true) // checked per row, to reject the row rather than the file
        .detectBomHeader(false)          // handled in reader(): a BOM is skipped
        .ofCsvRecord(reader);
  }

  private static CountingInputStream open(Path file) throws IOException {
    return new CountingInputStream(Files.newInputStream(file));
  }

  private static InputStream decompress(Path file, InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    boolean gzipMagic = b0 == 0x1f && b1 == 0x8b;
    if (gzipMagic || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  /** UTF-8 that fails on malformed input instead of inventing U+FFFD, skipping a leading BOM. */
  private static Reader reader(InputStream in) throws IOException {
    BufferedInputStream b = in instanceof BufferedInputStream bi ? bi : new BufferedInputStream(in);
    b.mark(3);
    byte[] bom = b.readNBytes(3);
    if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
      b.reset();
    }
    return new InputStreamReader(b, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** Counts bytes read from the file, for progress against its size. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
