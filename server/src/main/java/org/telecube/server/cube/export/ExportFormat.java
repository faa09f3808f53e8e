package org.telecube.server.cube.export;

import java.util.Locale;
import java.util.Optional;

/** The file formats a cube view exports to. */
public enum ExportFormat {
  CSV("csv", "text/csv; charset=UTF-8"),
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String extension;
  private final String mediaType;

  ExportFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  /** csv or xlsx in any case; empty for anything else. */
  public static Optional<ExportFormat> parse(String format) {
    if (format == null) {
      return Optional.empty();
    }
    String f = format.strip().toLowerCase(Locale.ROOT);
    for (ExportFormat e : values()) {
      if (e.extension.equals(f)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Renders {@code table}; {@code title} names the XLSX sheet. */
  public byte[] render(PivotTable table, String title) {
    return this == CSV ? CsvExport.write(table) : XlsxExport.write(table, title);
  }
}
