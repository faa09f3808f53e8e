package org.telecube.etl.generate;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * Runs the generator from the test classpath, for timing and eyeballing by hand (deliberately not
 * a test: timings on shared CI machines are noise). Arguments: outDir [subscribers [months
 * [lastMonth [seed [gzip]]]]].
 */
public final class GenerateByHand {
  private GenerateByHand() {
  }

  public static void main(String[] args) throws Exception {
    GeneratorSettings s = GeneratorSettings.defaults(Path.of(args[0]));
    if (args.length > 1) {
      s = s.withSubscribers(Integer.parseInt(args[1]));
    }
    if (args.length > 2) {
      s = s.withMonths(Integer.parseInt(args[2]));
    }
    if (args.length > 3) {
      s = s.withLastMonth(YearMonth.parse(args[3]));
    }
    if (args.length > 4) {
      s = s.withSeed(Long.parseLong(args[4]));
    }
    if (args.length > 5) {
      s = s.withGzip(Boolean.parseBoolean(args[5]));
    }
    long t0 = System.nanoTime();
    GenerationSummary summary = new SampleGenerator().generate(s, (month, index, total) ->
        System.out.println(month + " " + index + "/" + total + " at "
            + (System.nanoTime() - t0) / 1_000_000 + " ms"));
    Runtime rt = Runtime.getRuntime();
    System.out.println("rows " + summary.rowsPerFeed() + " total " + summary.totalRows());
    System.out.println("elapsed " + summary.elapsed().toMillis() + " ms; heap used "
        + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MB of max " + rt.maxMemory() / (1 << 20) + " MB");
  }
}
