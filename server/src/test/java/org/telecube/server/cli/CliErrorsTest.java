package org.telecube.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.telecube.server.metadata.MetadataStoreElsewhereException;

class CliErrorsTest {

  @Test
  void aCopiedDataDirectoryIsOneLineNamingTheLockFileEvenDeepInSpringsFailure() {
    Path store = Path.of("/srv/copy/metadata/telecube");
    Exception failure = new IllegalStateException("Application run failed", new BeanCreationException(
        "metadataDataSource", "failed", new MetadataStoreElsewhereException(store, "/srv/data/metadata/telecube")));

    String line = CliErrors.describe(failure);

    assertThat(line).doesNotContain("\n").contains("/srv/data/metadata/telecube")
        .contains("/srv/copy/metadata/telecube.lock.db").contains("TeleCube's");
    assertThat(CliMessages.get(java.util.Locale.SIMPLIFIED_CHINESE, "serve.metadata_elsewhere", store, "/srv/data",
        "/srv/copy/metadata/telecube.lock.db")).contains("副本").contains("/srv/copy/metadata/telecube.lock.db");
  }
}
