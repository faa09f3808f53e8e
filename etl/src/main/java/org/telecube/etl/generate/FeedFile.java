package org.telecube.etl.generate;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One feed file: header row, then the chunks' rows (already UTF-8 encoded by {@link FeedRows}),
 * optionally gzip. Java's gzip header carries no timestamp (MTIME 0), so compressed output is as
 * reproducible as plain output.
 */
final class FeedFile implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final Path path;
  private final OutputStream out;
  private long rows;

  private FeedFile(Path path, OutputStream out) {
    this.path = path;
    this.out = out;
  }

  static FeedFile create(Path path, boolean gzip, Iterable<String> header) throws IOException {
    OutputStream file = Files.newOutputStream(path);
    OutputStream out;
    try {
      out = gzip ? new GZIPOutputStream(file, BUFFER) : new BufferedOutputStream(file, BUFFER);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
    FeedFile feedFile = new FeedFile(path, out);
    FeedRows head = new FeedRows();
    head.write(toArray(header));
    head.drainTo(out);
    return feedFile;
  }

  void append(FeedRows chunk) throws IOException {
    rows += chunk.rows();
    chunk.drainTo(out);
  }

  Path path() {
    return path;
  }

  /** Data rows written (the header is not counted). */
  long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private static String[] toArray(Iterable<String> values) {
    List<String> list = new ArrayList<>();
    values.forEach(list::add);
    return list.toArray(String[]::new);
  }
}
