package org.telecube.etl.generate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Rows of one feed for one chunk of subscribers, formatted by FastCSV (RFC 4180: CRLF, fields
 * quoted only when they must be) and encoded as UTF-8 in memory, on the worker thread. Chunks
 * are then copied to the feed file in subscriber order, so parallelism never changes a byte of
 * the output.
 */
final class FeedRows {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
  private final CsvWriter csv = CsvWriter.builder()
      .lineDelimiter(LineDelimiter.CRLF)
      .bufferSize(1 << 13)
      .build(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
  private long rows;

  void write(String... fields) {
    csv.writeRecord(fields);
    rows++;
  }

  long rows() {
    return rows;
  }

  /** Appends the encoded rows to {@code out} and empties this buffer for reuse. */
  void drainTo(OutputStream out) throws IOException {
    csv.flush();
    bytes.writeTo(out);
    bytes.reset();
    rows = 0;
  }
}
