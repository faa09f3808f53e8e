package org.telecube.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Cron times are read in the schedule's zone, whatever the JVM's default zone is. */
class CronTimesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  @Test
  void theJvmRunsInAnAwkwardZoneSoTheseTestsMeanSomething() {
    assertThat(TimeZone.getDefault().getID()).isNotIn("Asia/Shanghai", "UTC", "GMT", "Etc/UTC");
  }

  @Test
  void eightOClockOnTheFirstInShanghaiIsMidnightUtc() {
    assertThat(CronTimes.of("0 0 8 1 * ?", SHANGHAI).next(Instant.parse("2026-11-23T00:00:00Z"), 3)).containsExactly(
        Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
        Instant.parse("2027-02-01T00:00:00Z"));
  }

  @Test
  void halfHourOffsetsAreKept() {
    assertThat(CronTimes.of("0 0 9 * * ?", KOLKATA).next(Instant.parse("2026-11-23T00:00:00Z"), 2)).containsExactly(
        Instant.parse("2026-11-23T03:30:00Z"), Instant.parse("2026-11-24T03:30:00Z"));
  }

  @Test
  void aLateFiringStandsForTheLatestCronTimeBeforeIt() {
    CronTimes monthly = CronTimes.of("0 0 8 1 * ?", SHANGHAI);
    Instant firstOfDecember = Instant.parse("2026-12-01T00:00:00Z");
    // on time: itself
    assertThat(monthly.nominal(firstOfDecember, firstOfDecember.minusSeconds(86_400 * 40))).isEqualTo(firstOfDecember);
    // the server came back at 03:17 UTC the same day: still the 1 December run
    Instant back = Instant.parse("2026-12-01T03:17:42Z");
    assertThat(monthly.nominal(back, back.minusSeconds(86_400 * 35))).isEqualTo(firstOfDecember);
    // down for over two months: the latest missed run, once
    Instant muchLater = Instant.parse("2027-02-10T00:00:00Z");
    assertThat(monthly.nominal(muchLater, muchLater.minusSeconds(86_400 * 35)))
        .isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
  }

  @Test
  void aMalformedExpressionNamesTheCronField() {
    assertThatThrownBy(() -> CronTimes.of("0 0 8 1 *", SHANGHAI))
        .isInstanceOfSatisfying(ScheduleException.class, e -> {
          assertThat(e.field()).isEqualTo("cron");
          assertThat(e.code()).isEqualTo("bad_cron");
          assertThat(e.getMessage()).contains("seconds first");
        });
  }
}
