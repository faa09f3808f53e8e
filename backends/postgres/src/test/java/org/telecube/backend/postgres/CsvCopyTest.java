package org.telecube.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The CSV fields PostgreSQL's COPY (FORMAT csv) reads back as the same values. */
class CsvCopyTest {
  private static String field(Object value) {
    StringBuilder out = new StringBuilder();
    CsvCopy.appendField(out, value);
    return out.toString();
  }

  @Test
  void nullIsAnUnquotedEmptyFieldAndEveryStringIsQuoted() {
    assertThat(field(null)).isEmpty();
    assertThat(field("")).isEqualTo("\"\"");
    assertThat(field("a \"b\", c\nd")).isEqualTo("\"a \"\"b\"\", c\nd\"");
    assertThat(field("华南")).isEqualTo("\"华南\"");
  }

  @Test
  void numbersDatesAndTimesAreExactAndZoneless() {
    assertThat(field(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(field(new BigDecimal("0.01"))).isEqualTo("0.01");
    assertThat(field(-42L)).isEqualTo("-42");
    assertThat(field(1e-7)).isEqualTo("1.0E-7");
    assertThat(field(Double.NaN)).isEqualTo("NaN");
    assertThat(field(true)).isEqualTo("true");
    assertThat(field(LocalDate.of(1900, 1, 1))).isEqualTo("1900-01-01");
    assertThat(field(LocalDateTime.of(2025, 3, 9, 23, 59))).isEqualTo("2025-03-09 23:59:00.000000");
  }
}
