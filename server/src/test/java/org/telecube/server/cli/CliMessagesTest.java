package org.telecube.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The command line's own messages exist in English and Chinese, key for key. */
class CliMessagesTest {
  @Test
  void everyMessageIsInBothLanguages() throws IOException {
    assertThat(load("messages_zh.properties").stringPropertyNames())
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  @Test
  void theTerminalsLocaleChoosesTheLanguage() {
    assertThat(CliMessages.get(Locale.SIMPLIFIED_CHINESE, "serve.busy", "/d/telecube.duckdb"))
        .startsWith("无法启动服务").contains("/d/telecube.duckdb");
    assertThat(CliMessages.get(Locale.forLanguageTag("tr-TR"), "serve.busy", "/d/telecube.duckdb"))
        .startsWith("cannot serve").contains("/d/telecube.duckdb");
    assertThat(CliMessages.get(Locale.ENGLISH, "serve.busy", "/d/telecube.duckdb")).startsWith("cannot serve");
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = CliMessages.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }
}
