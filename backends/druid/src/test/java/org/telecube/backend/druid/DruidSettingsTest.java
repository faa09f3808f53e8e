package org.telecube.backend.druid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telecube.warehouse.backend.BackendSettings;

/** The Druid settings: defaults, and a clear message naming the setting for each mistake. */
class DruidSettingsTest {
  private static final Path DATA = Path.of("/srv/telecube-data");

  private static DruidSettings of(String url, Map<String, String> options) {
    return DruidSettings.of(new BackendSettings("druid", DATA, url, "", "", 0, options));
  }

  @Test
  void theOverlordIsTheBrokerAndFilesGoUnderTheDataDirectoryByDefault() {
    DruidSettings s = of("http://druid-router:8888/unified-console.html", Map.of());
    assertThat(s.brokerUrl()).isEqualTo(URI.create("http://druid-router:8888"));
    assertThat(s.overlordUrl()).isEqualTo(s.brokerUrl());
    assertThat(s.ingest()).isEqualTo("local");
    assertThat(s.ingestDir()).isEqualTo(DATA.resolve("druid-ingest").toAbsolutePath());
    assertThat(s.httpAddress()).isEqualTo("127.0.0.1");
    assertThat(s.taskTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.avaticaUrl())
        .isEqualTo("jdbc:avatica:remote:url=http://druid-router:8888/druid/v2/sql/avatica/;transparent_reconnection=true");
  }

  @Test
  void optionsOverrideTheDefaults() {
    DruidSettings s = of("https://broker:8282", Map.of(DruidSettings.OVERLORD_URL, "http://overlord:8090",
        DruidSettings.INGEST, "HTTP", DruidSettings.INGEST_DIR, "/mnt/shared/ingest",
        DruidSettings.HTTP_ADDRESS, "10.0.0.5:9999", DruidSettings.TASK_TIMEOUT, "PT2H"));
    assertThat(s.overlordUrl()).isEqualTo(URI.create("http://overlord:8090"));
    assertThat(s.ingest()).isEqualTo("http");
    assertThat(s.ingestDir()).isEqualTo(Path.of("/mnt/shared/ingest"));
    assertThat(s.httpAddress()).isEqualTo("10.0.0.5:9999");
    assertThat(s.taskTimeout()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aMissingUrlNamesTheSettingAndItsVariable() {
    assertThatThrownBy(() -> of("", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("telecube.warehouse.url (TELECUBE_WAREHOUSE_URL) is required")
        .hasMessageContaining("http://druid-router:8888");
    assertThatThrownBy(() -> of(null, Map.of()))
        .hasMessageContaining("TELECUBE_WAREHOUSE_URL");
  }

  @Test
  void aUrlThatIsNotHttpIsRefused() {
    assertThatThrownBy(() -> of("jdbc:avatica:remote:url=http://broker:8082", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TELECUBE_WAREHOUSE_URL")
        .hasMessageContaining("must be an http(s) URL");
    assertThatThrownBy(() -> of("druid-router:8888", Map.of()))
        .hasMessageContaining("must be an http(s) URL");
    assertThatThrownBy(() -> of("http://broker:8082 x", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TELECUBE_WAREHOUSE_URL");
    assertThatThrownBy(() -> of("http://broker:8082", Map.of(DruidSettings.OVERLORD_URL, "ftp://overlord")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("telecube.druid.overlord-url (TELECUBE_DRUID_OVERLORD_URL)");
  }

  @Test
  void aBadIngestModeNamesItsVariable() {
    assertThatThrownBy(() -> of("http://broker:8082", Map.of(DruidSettings.INGEST, "s3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TELECUBE_DRUID_INGEST must be local or http, not 's3'");
  }

  @Test
  void aBadTaskTimeoutNamesItsVariable() {
    assertThatThrownBy(() -> of("http://broker:8082", Map.of(DruidSettings.TASK_TIMEOUT, "30 minutes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TELECUBE_DRUID_TASK_TIMEOUT must be an ISO-8601 duration such as PT30M, not '30 minutes'");
  }
}
