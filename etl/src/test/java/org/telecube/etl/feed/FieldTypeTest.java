package org.telecube.etl.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldTypeTest {
  private static final ValidationContext CONTEXT = new ValidationContext() {
    @Override
    public boolean contains(CodeSet set, String code) {
      return set == CodeSet.CITY ? Set.of("440100").contains(code) : Set.of("S1").contains(code);
    }

    @Override
    public int currentYear() {
      return 2025;
    }
  };

  private static Object parse(FieldType t, String text, String column) throws InvalidValueException {
    return t.parse(text, column, CONTEXT);
  }

  private static void rejects(FieldType t, String text, String column, String reason) {
    assertThatThrownBy(() -> t.parse(text, column, CONTEXT)).isInstanceOf(InvalidValueException.class)
        .hasMessage(reason);
  }

  @Test
  void dates() throws Exception {
    assertThat(parse(FieldType.date(), "2024-02-29", "d")).isEqualTo(LocalDate.of(2024, 2, 29));
    rejects(FieldType.date(), "2025-13-01", "d", "bad date \"2025-13-01\" (expected YYYY-MM-DD)");
    rejects(FieldType.date(), "2025-02-29", "d", "bad date \"2025-02-29\" (expected YYYY-MM-DD)");
    rejects(FieldType.date(), "2025/01/01", "d", "bad date \"2025/01/01\" (expected YYYY-MM-DD)");
    rejects(FieldType.date(), "2025-1-01", "d", "bad date \"2025-1-01\" (expected YYYY-MM-DD)");
    rejects(FieldType.date(), "2025-01-011", "d", "bad date \"2025-01-011\" (expected YYYY-MM-DD)");
  }

  @Test
  void monthsBecomeMonthKeys() throws Exception {
    assertThat(parse(FieldType.month(), "2025-03", "m")).isEqualTo(202503);
    rejects(FieldType.month(), "2025-00", "m", "bad month \"2025-00\" (expected YYYY-MM)");
    rejects(FieldType.month(), "2025-03-01", "m", "bad month \"2025-03-01\" (expected YYYY-MM)");
  }

  @Test
  void timestampsAreLocalWallTime() throws Exception {
    assertThat(parse(FieldType.timestamp(), "2025-03-09 02:30:00", "t"))
        .isEqualTo(LocalDateTime.of(2025, 3, 9, 2, 30, 0));
    rejects(FieldType.timestamp(), "2025-03-09T02:30:00", "t",
        "bad timestamp \"2025-03-09T02:30:00\" (expected YYYY-MM-DD HH:MM:SS)");
    rejects(FieldType.timestamp(), "2025-03-09 24:00:00", "t",
        "bad timestamp \"2025-03-09 24:00:00\" (expected YYYY-MM-DD HH:MM:SS)");
    rejects(FieldType.timestamp(), "2025-03-09 02:30", "t",
        "bad timestamp \"2025-03-09 02:30\" (expected YYYY-MM-DD HH:MM:SS)");
  }

  @Test
  void amountsInFenWithUpToTwoDecimals() throws Exception {
    FieldType signed = FieldType.amount(true);
    assertThat(parse(signed, "58", "amount")).isEqualTo(5800L);
    assertThat(parse(signed, "58.5", "amount")).isEqualTo(5850L);
    assertThat(parse(signed, "58.05", "amount")).isEqualTo(5805L);
    assertThat(parse(signed, "-9.50", "amount")).isEqualTo(-950L);
    assertThat(parse(signed, "0.00", "amount")).isEqualTo(0L);
    assertThat(parse(signed, "999999999999.99", "amount")).isEqualTo(99999999999999L);
    String bad = "(expected yuan with up to 2 decimals, e.g. 58.00)";
    rejects(signed, "12.345", "amount", "bad amount \"12.345\" " + bad);
    rejects(signed, "1,000.00", "amount", "bad amount \"1,000.00\" " + bad);
    rejects(signed, ".5", "amount", "bad amount \".5\" " + bad);
    rejects(signed, "+5", "amount", "bad amount \"+5\" " + bad);
    rejects(signed, "5e3", "amount", "bad amount \"5e3\" " + bad);
    rejects(signed, "1000000000000", "amount", "bad amount \"1000000000000\" " + bad);
    rejects(FieldType.amount(false), "-1.00", "paid_amount", "negative paid_amount -1.00");
    assertThat(parse(FieldType.amount(false), "-0.00", "paid_amount")).isEqualTo(0L);
    rejects(FieldType.amount(false, 10), "12345678901.00", "deposit", "bad amount \"12345678901.00\" " + bad);
  }

  @Test
  void countsAreWholeAndNotNegative() throws Exception {
    assertThat(parse(FieldType.count(), "0", "events")).isEqualTo(0L);
    assertThat(parse(FieldType.count(), "123456789012", "events")).isEqualTo(123456789012L);
    rejects(FieldType.count(), "-3", "events", "negative events -3");
    rejects(FieldType.count(), "3.0", "events", "bad events \"3.0\" (expected a whole number >= 0)");
    rejects(FieldType.count(), "x", "events", "bad events \"x\" (expected a whole number >= 0)");
    rejects(FieldType.count(), "-", "events", "bad events \"-\" (expected a whole number >= 0)");
  }

  @Test
  void enumerationsAreExactAndLowerCase() throws Exception {
    FieldType vip = FieldType.oneOf("none", "standard", "key", "premier");
    assertThat(parse(vip, "key", "vip_level")).isEqualTo("key");
    rejects(vip, "gold", "vip_level", "unknown vip_level \"gold\" (one of none, standard, key, premier)");
    rejects(vip, "Key", "vip_level", "unknown vip_level \"Key\" (one of none, standard, key, premier)");
    assertThat(((FieldType.OneOf) vip).indexOf("premier")).isEqualTo(3);
  }

  @Test
  void knownCodesDigitsAndYears() throws Exception {
    assertThat(parse(FieldType.known(CodeSet.CITY), "440100", "city_code")).isEqualTo("440100");
    rejects(FieldType.known(CodeSet.CITY), "999999", "city_code", "unknown city_code 999999");
    rejects(FieldType.known(CodeSet.SUBSCRIBER), "S9", "subscriber_id", "unknown subscriber_id S9");
    rejects(FieldType.digits(11, "11 digits"), "1380013800", "msisdn", "bad msisdn \"1380013800\" (expected 11 digits)");
    rejects(FieldType.digits(11, "11 digits"), "1380013800x", "msisdn", "bad msisdn \"1380013800x\" (expected 11 digits)");
    assertThat(parse(FieldType.yearFrom(1900), "2025", "birth_year")).isEqualTo(2025);
    rejects(FieldType.yearFrom(1900), "2026", "birth_year", "birth_year 2026 out of range 1900..2025");
    rejects(FieldType.yearFrom(1900), "1899", "birth_year", "birth_year 1899 out of range 1900..2025");
    rejects(FieldType.yearFrom(1900), "85", "birth_year", "bad birth_year \"85\" (expected a year YYYY)");
  }
}
