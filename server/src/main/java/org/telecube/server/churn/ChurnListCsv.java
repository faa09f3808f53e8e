package org.telecube.server.churn;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.churn.ChurnedSubscriber;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.MemberRef;

/**
 * The churn lists as CSV files for retention and win-back teams, as the cube export writes CSV:
 * RFC 4180 with CRLF, UTF-8 with a byte order mark (Excel garbles Chinese without one), headers in
 * the request's language, numbers as plain digits with a {@code .} point, numbers masked as the
 * API gives them.
 */
final class ChurnListCsv {
  private ChurnListCsv() {
  }

  static byte[] atRisk(List<AtRiskSubscriber> rows, Language language) {
    boolean zh = language == Language.ZH_CN;
    List<String> header = zh
        ? List.of("排名", "用户编号", "号码", "城市", "价值分群", "价值层级", "价值分", "ARPU(元)", "在网时长(月)", "预警分", "预警信号", "建议措施")
        : List.of("Rank", "Subscriber ID", "Number", "City", "Segment", "Value tier", "Value score", "ARPU (¥)",
            "Tenure (months)", "Warning score", "Signals", "Action");
    return write(header, rows, a -> List.of(Integer.toString(a.rank()), text(a.subscriberId()), text(a.msisdn()),
        caption(a.city()), caption(a.segment()), caption(a.valueTier()), decimal(a.valueScore(), 4),
        decimal(a.arpu(), 2), Integer.toString(a.tenureMonths()), decimal(a.warningScore(), 4),
        captions(a.signals(), language), caption(a.action())));
  }

  static byte[] churned(List<ChurnedSubscriber> rows, Language language) {
    boolean zh = language == Language.ZH_CN;
    List<String> header = zh
        ? List.of("用户编号", "号码", "城市", "离网日期", "离网原因", "在网时长(月)", "离网前3月平均ARPU(元)", "离网前价值分群", "最近预警信号")
        : List.of("Subscriber ID", "Number", "City", "Churn date", "Reason", "Tenure (months)",
            "ARPU of the 3 months before (¥)", "Segment before", "Last signals");
    return write(header, rows, c -> List.of(text(c.subscriberId()), text(c.msisdn()), caption(c.city()),
        text(c.churnDate()), caption(c.reason()), Integer.toString(c.tenureMonths()),
        c.arpuBefore() == null ? "" : decimal(c.arpuBefore(), 2), caption(c.segmentBefore()),
        captions(c.lastSignals(), language)));
  }

  private static <T> byte[] write(List<String> header, List<T> rows, Function<T, List<String>> fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      out.write('\uFEFF');
      CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
      csv.writeRecord(header);
      for (T row : rows) {
        csv.writeRecord(new ArrayList<>(fields.apply(row)));
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return bytes.toByteArray();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String caption(MemberRef m) {
    return m == null ? "" : m.caption() != null ? m.caption() : text(m.key());
  }

  private static String captions(List<MemberRef> members, Language language) {
    return members.stream().map(ChurnListCsv::caption).collect(Collectors.joining(language == Language.ZH_CN ? "、" : "; "));
  }

  /** Digits and a {@code .} point, never the JVM's locale. */
  private static String decimal(double value, int scale) {
    return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString() : "";
  }
}
