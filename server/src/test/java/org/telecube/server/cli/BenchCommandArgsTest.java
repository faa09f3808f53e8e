package org.telecube.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code telecube bench}'s options: the defaults a bare run measures with, and the lists it takes. */
class BenchCommandArgsTest {
  private static BenchCommand parse(String... args) {
    CommandLine cl = TelecubeCommand.commandLine();
    String[] all = new String[args.length + 1];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    cl.parseArgs(all);
    return cl.getSubcommands().get("bench").getCommand();
  }

  @Test
  void defaultsAreTwentyAndFiftyClientsForAMinute() {
    BenchCommand bench = parse();
    assertThat(bench.clients).containsExactly(20, 50);
    assertThat(bench.durationSeconds).isEqualTo(60);
    assertThat(bench.runs).isEqualTo(15);
    assertThat(bench.warmups).isEqualTo(3);
    assertThat(bench.scale).isNull();
    assertThat(bench.load).isNull();
  }

  @Test
  void listsAndScaleAreParsed() {
    BenchCommand bench = parse("--clients", "5", "--duration", "10", "--scale", "1000000", "--feeds", "/tmp/f",
        "--backends", "duckdb,postgres", "--skip-batches", "--last-month", "2026-11");
    assertThat(bench.clients).containsExactly(5);
    assertThat(bench.durationSeconds).isEqualTo(10);
    assertThat(bench.scale).isEqualTo(1_000_000);
    assertThat(bench.feedsDir).isEqualTo(Path.of("/tmp/f"));
    assertThat(bench.backends).isEqualTo(List.of("duckdb", "postgres"));
    assertThat(bench.skipBatches).isTrue();
    assertThat(bench.lastMonth).hasToString("2026-11");
  }
}
