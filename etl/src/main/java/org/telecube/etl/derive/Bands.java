package org.telecube.etl.derive;

/**
 * SQL expressions for the attributes computed as of a date: age band and tenure band, and the
 * subscriber attribute list every fact carries.
 */
final class Bands {
  private Bands() {
  }

  /** Age band from {@code year(d) - birthYear}; null birth year is {@code unknown}. */
  static String ageBand(String birthYear, String date) {
    String age = "(year(" + date + ") - " + birthYear + ")";
    return "CASE WHEN " + birthYear + " IS NULL THEN 'unknown'"
        + " WHEN " + age + " < 25 THEN 'under_25'"
        + " WHEN " + age + " <= 34 THEN '25_34'"
        + " WHEN " + age + " <= 44 THEN '35_44'"
        + " WHEN " + age + " <= 54 THEN '45_54'"
        + " WHEN " + age + " <= 64 THEN '55_64'"
        + " ELSE '65_plus' END";
  }

  /** Tenure band from {@code date_diff('month', joinDate, d)} (month boundaries crossed). */
  static String tenureBand(String joinDate, String date) {
    String months = "date_diff('month', " + joinDate + ", " + date + ")";
    return "CASE WHEN " + joinDate + " IS NULL THEN NULL"
        + " WHEN " + months + " <= 3 THEN '0_3m'"
        + " WHEN " + months + " <= 12 THEN '4_12m'"
        + " WHEN " + months + " <= 24 THEN '13_24m'"
        + " WHEN " + months + " <= 36 THEN '25_36m'"
        + " WHEN " + months + " <= 60 THEN '37_60m'"
        + " ELSE '60m_plus' END";
  }

  /**
   * The join to the dim_subscriber version valid on {@code date}: versions are contiguous from
   * 1900-01-01 to 9999-12-31, so exactly one matches.
   */
  static String versionJoin(String alias, String factAlias, String date) {
    return "LEFT JOIN dim_subscriber " + alias + " ON " + alias + ".subscriber_id = " + factAlias
        + ".subscriber_id AND " + date + " BETWEEN " + alias + ".valid_from AND " + alias + ".valid_to";
  }

  /** Column list matching {@link #attributes}. */
  static final String ATTRIBUTE_COLUMNS = "city_code, org_code, customer_type, vip_level, age_band, gender,"
      + " network_type, payment_type, channel, contract_type, tenure_band";

  /** The attributes of version {@code v} as of {@code date}, in {@link #ATTRIBUTE_COLUMNS} order. */
  static String attributes(String v, String date) {
    return v + ".city_code, " + v + ".org_code, " + v + ".customer_type, " + v + ".vip_level, "
        + ageBand(v + ".birth_year", date) + ", coalesce(" + v + ".gender, 'u'), "
        + v + ".network_type, " + v + ".payment_type, " + v + ".channel, " + v + ".contract_type, "
        + tenureBand(v + ".join_date", date);
  }
}
