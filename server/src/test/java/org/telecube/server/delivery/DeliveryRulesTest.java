package org.telecube.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.telecube.reports.ReportFormat;

/** The small rules of delivery: how long retries wait, and which documents are too broken to send. */
class DeliveryRulesTest {

  @Test
  void retriesWaitTwiceAsLongEachTimeUpToTheCap() {
    DeliverySettings s = new DeliverySettings("a@b.c", 8, Duration.ofMinutes(1), Duration.ofMinutes(30),
        DeliverySettings.MissedRuns.SEND_ONCE, Duration.ofMinutes(1));
    assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.backoffAfter(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(s.backoffAfter(6)).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.backoffAfter(60)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aCutOffPdfIsNotSent() {
    byte[] whole = pdf();
    DocumentCheck.whole(whole, ReportFormat.PDF);
    byte[] cut = Arrays.copyOf(whole, whole.length - 10);
    assertThatThrownBy(() -> DocumentCheck.whole(cut, ReportFormat.PDF)).hasMessageContaining("not a whole document");
    assertThatThrownBy(() -> DocumentCheck.whole(new byte[0], ReportFormat.PDF)).hasMessageContaining("empty");
    assertThatThrownBy(() -> DocumentCheck.whole(whole, ReportFormat.XLSX)).hasMessageContaining("not a whole");
  }

  private static byte[] pdf() {
    StringBuilder b = new StringBuilder("%PDF-1.7\n");
    while (b.length() < 2000) {
      b.append("% filler line of a page stream\n");
    }
    return b.append("trailer\n%%EOF\n").toString().getBytes(StandardCharsets.US_ASCII);
  }
}
