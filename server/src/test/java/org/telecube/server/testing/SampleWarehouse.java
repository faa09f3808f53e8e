package org.telecube.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.telecube.server.metadata.MetadataStoreConfiguration;
import org.telecube.warehouse.Warehouse;

/**
 * A small generated operator (600 subscribers, May and June 2025) loaded once per test JVM; each
 * server under test gets its own copy of the data directory, because a DuckDB file has one owner.
 */
public final class SampleWarehouse {
  public static final YearMonth LAST_MONTH = YearMonth.of(2025, 6);
  private static SampleWarehouse instance;

  private final Path feeds;
  private final Path data;

  private SampleWarehouse(Path feeds, Path data) {
    this.feeds = feeds;
    this.data = data;
  }

  public static synchronized SampleWarehouse get() {
    if (instance == null) {
      try {
        Path dir = Files.createTempDirectory("telecube-sample");
        Path feeds = dir.resolve("feeds");
        new SampleGenerator().generate(new GeneratorSettings(feeds, 600, 2, LAST_MONTH, 5L, false), null);
        Path data = dir.resolve("data");
        try (Warehouse warehouse = Warehouse.openEmbedded(data);
             Stream<Path> files = Files.list(feeds)) {
          EtlLoader.load(warehouse, files.sorted().toList(), Optional.empty(), LoadListener.NONE);
        }
        instance = new SampleWarehouse(feeds, data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /**
   * Points a Spring test server at a fresh copy of the sample (its data directory) and an H2
   * metadata store of its own, both in a new temporary directory, with the {@link TestUsers}.
   */
  public static void register(DynamicPropertyRegistry registry) {
    try {
      Path dir = Files.createTempDirectory("telecube-server");
      Path copy = get().copyTo(dir.resolve("data"));
      registry.add("telecube.data-dir", copy::toString);
      registry.add("telecube.metadata.url", () -> MetadataStoreConfiguration.h2Url(dir.resolve("metadata")));
      TestUsers.properties().forEach((k, v) -> registry.add(k, () -> v));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generated feed files the sample was loaded from. */
  public Path feeds() {
    return feeds;
  }

  /** A fresh copy of the loaded data directory at {@code target}. */
  public Path copyTo(Path target) {
    try (Stream<Path> files = Files.walk(data)) {
      for (Path from : files.toList()) {
        Path to = target.resolve(data.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Revenue of {@code month} summed by hand from the billing feed file: what a report must print. */
  public BigDecimal billedAmount(YearMonth month) {
    BigDecimal total = BigDecimal.ZERO;
    try {
      List<String> lines = Files.readAllLines(feeds.resolve("billing_" + month + ".csv"), StandardCharsets.UTF_8);
      int amount = List.of(lines.get(0).split(",")).indexOf("amount");
      for (String line : lines.subList(1, lines.size())) {
        total = total.add(new BigDecimal(line.split(",")[amount]));
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
