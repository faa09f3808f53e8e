package org.telecube.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;

class ConsoleLoadListenerTest {
  @TempDir
  Path dir;

  private String run(boolean interactive, List<Path> files, Warehouse w) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    EtlLoader.load(w, files, Optional.empty(), new ConsoleLoadListener(out, interactive));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsProgressThenTheSummaryTableAndTheFirstRejects() {
    FeedFixtures fixtures = new FeedFixtures(dir.resolve("feeds"));
    List<Path> files = new java.util.ArrayList<>(fixtures.handMade());
    files.add(fixtures.write("usage_bad.csv", FeedFixtures.USAGE_HEADER, "2025-03-02,S1,voice,local,own,-3,1,0"));
    try (Warehouse w = Warehouse.openEmbedded(dir.resolve("data"))) {
      String plain = run(false, files, w);
      assertThat(plain)
          .contains("Loading batch 1: 9 files")
          .contains("billing_2025-01.csv: 4 rows, 4 loaded, 0 rejected")
          .contains("deriving what the batch changed")
          .containsPattern("feed +file +read +loaded +rejected +seconds +rows/s")
          .containsPattern("usage +usage_bad\\.csv +1 +0 +1 ")
          .containsPattern("total +31 +30 +1 ")
          .contains("1 reject in 1 row:")
          .contains("usage_bad.csv:2 events: negative events -3");

      String again = run(true, files, w); // a bar per file when interactive; all skipped here
      assertThat(again).contains("skipped: already loaded in batch 1");
    }
  }
}
