package org.telecube.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {
  static final Path OUT = Path.of("out");

  @Test
  void defaults() {
    // 2026-03-01 00:30 in Shanghai is still February 28 in UTC: last month is Shanghai's, February
    Clock clock = Clock.fixed(Instant.parse("2026-02-28T16:30:00Z"), ZoneOffset.UTC);
    GeneratorSettings s = GeneratorSettings.defaults(OUT, clock);
    assertThat(s).isEqualTo(new GeneratorSettings(OUT, 100_000, 13, YearMonth.of(2026, 2), 42L, false));
    assertThat(s.firstMonth()).isEqualTo(YearMonth.of(2025, 2));
    assertThat(GeneratorSettings.defaultLastMonth(Clock.fixed(Instant.parse("2026-02-28T15:59:59Z"), ZoneOffset.UTC)))
        .isEqualTo(YearMonth.of(2026, 1));
    assertThat(GeneratorSettings.defaults(OUT).lastMonth())
        .isEqualTo(YearMonth.now(GeneratorSettings.OPERATOR_ZONE).minusMonths(1));
    assertThat(s.withSubscribers(5).withMonths(2).withLastMonth(YearMonth.of(2024, 1)).withSeed(7).withGzip(true))
        .isEqualTo(new GeneratorSettings(OUT, 5, 2, YearMonth.of(2024, 1), 7L, true));
  }

  @Test
  void subscribersMustBePositive() {
    assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSettings.defaults(OUT).withSubscribers(0))
        .withMessage("subscribers must be between 1 and 10000000, was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSettings.defaults(OUT).withSubscribers(-5))
        .withMessageContaining("subscribers").withMessageContaining("-5");
    assertThat(GeneratorSettings.defaults(OUT).withSubscribers(1).subscribers()).isEqualTo(1);
  }

  @Test
  void subscribersAreCappedSoIdsFitTheirEightDigits() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GeneratorSettings.defaults(OUT).withSubscribers(10_000_001))
        .withMessageContaining("subscribers");
  }

  @Test
  void monthsMustBeBetweenOneAndOneHundredTwenty() {
    assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSettings.defaults(OUT).withMonths(0))
        .withMessage("months must be between 1 and 120, was 0");
    assertThatIllegalArgumentException().isThrownBy(() -> GeneratorSettings.defaults(OUT).withMonths(121))
        .withMessage("months must be between 1 and 120, was 121");
    assertThat(GeneratorSettings.defaults(OUT).withMonths(1).months()).isEqualTo(1);
    assertThat(GeneratorSettings.defaults(OUT).withMonths(120).months()).isEqualTo(120);
  }

  @Test
  void pathAndLastMonthAreRequired() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GeneratorSettings(null, 10, 1, YearMonth.of(2025, 1), 1, false))
        .withMessage("outDir must be set");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GeneratorSettings(OUT, 10, 1, null, 1, false))
        .withMessage("lastMonth must be set");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GeneratorSettings(OUT, 10, 1, YearMonth.of(1999, 12), 1, false))
        .withMessageContaining("lastMonth");
  }
}
