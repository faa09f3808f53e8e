package org.telecube.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.reference.ReferenceData;

/** Same settings and seed give byte-identical files; another seed gives other data. */
class DeterminismTest {
  static final YearMonth LAST = YearMonth.of(2025, 2);

  static GeneratorSettings settings(Path dir, long seed, boolean gzip) {
    return new GeneratorSettings(dir, 2_000, 4, LAST, seed, gzip);
  }

  @Test
  void sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path a, @TempDir Path b,
                                                        @TempDir Path c) throws IOException {
    new SampleGenerator().generate(settings(a, 42, false), null);
    new SampleGenerator().generate(settings(b, 42, false), null);
    new SampleGenerator().generate(settings(c, 43, false), null);

    Map<String, String> first = hashes(a, false);
    assertThat(first).hasSize(16);
    assertThat(hashes(b, false)).isEqualTo(first);
    Map<String, String> other = hashes(c, false);
    assertThat(other.keySet()).isEqualTo(first.keySet());
    for (String file : first.keySet()) {
      assertThat(other.get(file)).as(file + " differs with another seed").isNotEqualTo(first.get(file));
    }
  }

  @Test
  void threadCountDoesNotChangeTheOutput(@TempDir Path inline, @TempDir Path parallel) throws IOException {
    // Thousands of subscribers per chunk: enough chunks for three workers to interleave.
    GeneratorSettings base = new GeneratorSettings(inline, 20_000, 2, LAST, 9, false);
    new SampleGenerator(ReferenceData.shipped(), 1).generate(base, null);
    new SampleGenerator(ReferenceData.shipped(), 3).generate(
        new GeneratorSettings(parallel, 20_000, 2, LAST, 9, false), null);
    assertThat(hashes(parallel, false)).isEqualTo(hashes(inline, false));
  }

  @Test
  void gzipIsReproducibleAndHoldsTheSameCsv(@TempDir Path plain, @TempDir Path zipped1,
                                             @TempDir Path zipped2) throws IOException {
    new SampleGenerator().generate(settings(plain, 5, false), null);
    GenerationSummary summary = new SampleGenerator().generate(settings(zipped1, 5, true), null);
    new SampleGenerator().generate(settings(zipped2, 5, true), null);

    assertThat(summary.files()).allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".csv.gz"));
    assertThat(hashes(zipped2, false)).isEqualTo(hashes(zipped1, false));
    Map<String, String> unzipped = new TreeMap<>();
    hashes(zipped1, true).forEach((name, hash) -> unzipped.put(name.replace(".csv.gz", ".csv"), hash));
    assertThat(unzipped).isEqualTo(hashes(plain, false));
  }

  /** SHA-256 of every file in the directory (of the decompressed content when asked). */
  static Map<String, String> hashes(Path dir, boolean gunzip) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = gunzip ? new GZIPInputStream(raw) : raw) {
          out.put(f.getFileName().toString(), sha256(in));
        }
      }
    }
    return out;
  }

  private static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
