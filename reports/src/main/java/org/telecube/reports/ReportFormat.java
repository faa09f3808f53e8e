package org.telecube.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Output formats a report renders to. */
public enum ReportFormat {
  PDF("pdf", "application/pdf"),
  /** One self-contained page: charts embedded as PNG data URIs; text in the browser's fonts. */
  HTML("html", "text/html; charset=UTF-8"),
  /** A workbook of the report's tables, one per sheet: numeric cells with number formats, frozen header row. */
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String code;
  private final String mediaType;

  ReportFormat(String code, String mediaType) {
    this.code = code;
    this.mediaType = mediaType;
  }

  /** Name in requests and file extensions: {@code pdf}. */
  public String code() {
    return code;
  }

  /** HTTP content type. */
  public String mediaType() {
    return mediaType;
  }

  /** Parses {@code pdf}, {@code html} or {@code xlsx} (any case); empty for anything else. Null or blank means PDF. */
  public static Optional<ReportFormat> parse(String code) {
    if (code == null || code.isBlank()) {
      return Optional.of(PDF);
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.code.equals(c)).findFirst();
  }
}
