package org.telecube.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.telecube.reports.data.ReportNumbers;

/** Runs in tr-TR: the separators must still be comma and point. */
class ReportNumbersTest {
  @Test
  void yuanCountsChangesShares() {
    assertThat(ReportNumbers.yuan(new BigDecimal("1234567.50"))).isEqualTo("¥1,234,568");
    assertThat(ReportNumbers.yuan(-1234.4)).isEqualTo("-¥1,234");
    assertThat(ReportNumbers.yuanCents(new BigDecimal("95.825"))).isEqualTo("¥95.83");
    assertThat(ReportNumbers.count(12345L)).isEqualTo("12,345");
    assertThat(ReportNumbers.change(0.0345)).isEqualTo("+3.5%");
    assertThat(ReportNumbers.change(-0.021)).isEqualTo("-2.1%");
    assertThat(ReportNumbers.change(-0.0004)).isEqualTo("0.0%");
    assertThat(ReportNumbers.change(null)).isEqualTo("—");
    assertThat(ReportNumbers.share(0.1234)).isEqualTo("12.3%");
  }
}
