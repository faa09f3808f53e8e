package org.telecube.server.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.telecube.server.metadata.MetadataStoreConfiguration;

/** The delivery scenarios on the default metadata store: an H2 file. */
class H2DeliveryTest extends DeliveryScenarios {
  @Override
  Store newStore(String name) {
    try {
      Path file = Files.createTempDirectory("telecube-metadata").resolve(name);
      return new Store(MetadataStoreConfiguration.h2Url(file), "sa", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
