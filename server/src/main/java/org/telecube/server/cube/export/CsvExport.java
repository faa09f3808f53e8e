package org.telecube.server.cube.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.telecube.server.cube.export.PivotTable.Amount;
import org.telecube.server.cube.export.PivotTable.Cell;
import org.telecube.server.cube.export.PivotTable.Label;

/**
 * A pivot table as CSV: RFC 4180 (CRLF, quotes only where needed, every row as wide as the table),
 * UTF-8 with a byte order mark because Excel reads a CSV without one in the machine's ANSI code
 * page and garbles Chinese. Numbers are plain digits with a {@code .} decimal point, unformatted
 * and locale-free, exactly as {@code /query} answers them (percentages as ratios: 0.125 is 12.5%),
 * so any tool reads them back exactly.
 */
public final class CsvExport {
  private CsvExport() {
  }

  public static byte[] write(PivotTable table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
      for (PivotTable.Row row : table.rows()) {
        List<String> fields = new ArrayList<>(row.cells().size());
        row.cells().forEach(c -> fields.add(text(c)));
        csv.writeRecord(fields);
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return bytes.toByteArray();
  }

  private static String text(Cell cell) {
    if (cell instanceof Label l) {
      return l.text();
    }
    if (cell instanceof Amount a) {
      return plain(a.value());
    }
    return "";
  }

  /** Digits and {@code .} only: never the JVM's locale, never an exponent. */
  static String plain(Number n) {
    if (n instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
    }
    return n.toString(); // Long, Integer, BigInteger: digits and a sign in every locale
  }
}
