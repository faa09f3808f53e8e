package org.telecube.reports.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A workbook read back for tests: cells with their number formats (fastexcel-reader), and what
 * the reader does not expose (merged cells, frozen panes) from the sheet XML itself.
 */
public record XlsxFile(Map<String, List<List<Cell>>> sheets, Map<String, String> sheetXml) {
  public static XlsxFile read(byte[] xlsx) throws IOException {
    Map<String, List<List<Cell>>> sheets = new LinkedHashMap<>();
    Map<String, String> xmlById = new LinkedHashMap<>();
    // ZipFile, not ZipInputStream: the writer streams entries with data descriptors
    Path file = Files.createTempFile("workbook", ".xlsx");
    Files.write(file, xlsx);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.getName().startsWith("xl/worksheets/sheet")) {
          xmlById.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
    Map<String, String> xml = new LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
      for (Sheet s : wb.getSheets().toList()) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Row r : s.read()) {
          List<Cell> cells = new ArrayList<>();
          for (int c = 0; c < r.getCellCount(); c++) {
            cells.add(r.getCell(c));
          }
          rows.add(cells);
        }
        sheets.put(s.getName(), rows);
        xml.put(s.getName(), xmlById.get("xl/worksheets/sheet" + (s.getIndex() + 1) + ".xml"));
      }
    }
    return new XlsxFile(sheets, xml);
  }

  public List<String> names() {
    return List.copyOf(sheets.keySet());
  }

  /** The number of merged ranges of the sheet. */
  public int mergedRanges(String sheet) {
    Matcher m = Pattern.compile("<mergeCell ").matcher(sheetXml.get(sheet));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The frozen rows of the sheet (0 when nothing is frozen). */
  public int frozenRows(String sheet) {
    Matcher m = Pattern.compile("<pane [^>]*ySplit=\"(\\d+)\"[^>]*state=\"frozen\"").matcher(sheetXml.get(sheet));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** The row whose first cell reads {@code first}. */
  public List<Cell> row(String sheet, String first) {
    return sheets.get(sheet).stream().filter(r -> !r.isEmpty() && r.get(0) != null && first.equals(r.get(0).getText()))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + first + " in sheet " + sheet));
  }
}
