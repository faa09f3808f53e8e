package org.telecube.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.telecube.reports.data.ReportMessages;
import org.telecube.warehouse.model.Language;

class ReportMessagesTest {
  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    Properties zh = load("messages_zh_CN.properties");
    Properties en = load("messages_en.properties");
    assertThat(zh.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
    assertThat(zh.stringPropertyNames()).allSatisfy(k -> {
      assertThat(zh.getProperty(k)).as(k).isNotBlank();
      assertThat(en.getProperty(k)).as(k).isNotBlank();
    });
  }

  @Test
  void bundlesAreChosenByLanguageNotByTheMachinesLocale() {
    assertThat(ReportMessages.of(Language.ZH_CN).get("report.title")).isEqualTo("月度收入报告");
    assertThat(ReportMessages.of(Language.EN).get("report.title")).isEqualTo("Monthly revenue report");
    assertThat(ReportMessages.of(Language.ZH_CN).format("page.current", 12)).isEqualTo("第 12 页");
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ReportMessagesTest.class.getResourceAsStream("/org/telecube/reports/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
