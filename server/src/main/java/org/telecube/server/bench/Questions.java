package org.telecube.server.bench;

import java.util.List;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.OrderKey;

/**
 * The bench's fixed set of questions. The hand-written SQL is the plainest fast SQL on the base
 * star (DuckDB, PostgreSQL and Druid run it): facts filtered and grouped by their foreign keys,
 * dimensions joined only where a level needs them. The period-dependent ones ask about the
 * warehouse's last month and year, so the set fits any generated data.
 */
public final class Questions {
  /** Guangdong: a province every generated sample holds. */
  static final String PROVINCE = "440000";

  private Questions() {
  }

  /**
   * @param month the last month holding data, e.g. {@code 2026-11}
   * @param year its year, e.g. {@code 2026}
   */
  public static List<Question> all(String month, String year) {
    return List.of(
        new Question("revenue by province x month", "drill",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province", "time.month")),
            "SELECT r.province_code, m.month_code, sum(f.amount) FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code JOIN dim_month m ON m.month_key = f.month_key "
                + "GROUP BY r.province_code, m.month_code ORDER BY 1, 2"),
        new Question("revenue by city x month, one province", "drill",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.city")).withColumns(List.of("time.month"))
                .withFilters(List.of(LevelFilter.members("region.province", PROVINCE))),
            "SELECT f.city_code, f.month_key, sum(f.amount) FROM fact_billing f "
                + "WHERE f.city_code IN (SELECT city_code FROM dim_region WHERE province_code = '" + PROVINCE + "') "
                + "GROUP BY f.city_code, f.month_key ORDER BY 1, 2"),
        new Question("revenue by plan, one province, one month", "slice",
            CubeQuery.of("revenue", List.of("revenue"), List.of("product.plan"))
                .withFilters(List.of(LevelFilter.members("region.province", PROVINCE),
                    LevelFilter.members("time.month", month))),
            "SELECT f.plan_code, sum(f.amount) FROM fact_billing f "
                + "WHERE f.city_code IN (SELECT city_code FROM dim_region WHERE province_code = '" + PROVINCE + "') "
                + "AND f.month_key IN (SELECT month_key FROM dim_month WHERE month_code = '" + month + "') "
                + "GROUP BY f.plan_code ORDER BY 1"),
        new Question("revenue and bill lines by year", "roll-up",
            CubeQuery.of("revenue", List.of("revenue", "bill_lines"), List.of("time.year")),
            "SELECT d.year_code, sum(f.amount), count(*) FROM fact_billing f "
                + "JOIN dim_month d ON d.month_key = f.month_key GROUP BY d.year_code ORDER BY 1"),
        new Question("active subscribers by year (semi-additive)", "roll-up",
            CubeQuery.of("subscribers", List.of("active_end"), List.of("time.year")),
            "WITH m AS (SELECT d.year_code, f.month_key, sum(f.active_end) AS active_end FROM fact_subscriber_month f "
                + "JOIN dim_month d ON d.month_key = f.month_key GROUP BY d.year_code, f.month_key) "
                + "SELECT year_code, sum(active_end) FILTER (WHERE month_key = (SELECT max(month_key) FROM m m2 "
                + "WHERE m2.year_code = m.year_code)) FROM m GROUP BY year_code ORDER BY 1"),
        new Question("top 10 cities by revenue, one year", "top-N",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.city"))
                .withFilters(List.of(LevelFilter.members("time.year", year)))
                .withOrder(List.of(new OrderKey("revenue", true)), 10),
            "SELECT f.city_code, sum(f.amount) AS revenue FROM fact_billing f "
                + "WHERE f.month_key IN (SELECT month_key FROM dim_month WHERE year_code = '" + year + "') "
                + "GROUP BY f.city_code ORDER BY 2 DESC LIMIT 10"),
        // by month: a month's same month last year is a whole period (a year of data from a mid-year start is not)
        new Question("revenue by province x month + YoY change", "YoY",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province", "time.month"))
                .withTimeIntelligence(List.of("same_period_last_year_change")),
            "WITH m AS (SELECT r.province_code, f.month_key, sum(f.amount) AS revenue FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code GROUP BY r.province_code, f.month_key) "
                + "SELECT a.province_code, a.month_key, a.revenue, a.revenue / b.revenue - 1 FROM m a "
                + "LEFT JOIN m b ON b.province_code = a.province_code AND b.month_key = a.month_key - 100 ORDER BY 1, 2"),
        new Question("revenue by province x month + MoM change", "time intelligence",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province", "time.month"))
                .withTimeIntelligence(List.of("previous_period_change")),
            "WITH m AS (SELECT r.province_code, f.month_key, sum(f.amount) AS revenue FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code GROUP BY r.province_code, f.month_key) "
                + "SELECT province_code, month_key, revenue, revenue / lag(revenue) OVER (PARTITION BY province_code ORDER BY month_key) - 1 "
                + "FROM m ORDER BY 1, 2"),
        new Question("ARPU by city, one year (distinct count)", "ARPU",
            CubeQuery.of("revenue", List.of("arpu"), List.of("region.city"))
                .withFilters(List.of(LevelFilter.members("time.year", year))),
            "WITH m AS (SELECT f.city_code, f.month_key, sum(f.amount) AS revenue, count(DISTINCT f.subscriber_id) AS billed "
                + "FROM fact_billing f WHERE f.month_key IN (SELECT month_key FROM dim_month WHERE year_code = '" + year + "') "
                + "GROUP BY f.city_code, f.month_key) "
                + "SELECT city_code, sum(revenue) / count(*) / avg(billed) FROM m GROUP BY city_code ORDER BY 1"),
        new Question("churn rate by macro-region x quarter", "churn rate",
            CubeQuery.of("subscribers", List.of("churn_rate"), List.of("region.macro_region", "time.quarter")),
            "WITH m AS (SELECT r.macro_region, d.quarter_code, f.month_key, sum(f.is_churned) AS churned, "
                + "sum(f.active_start) AS active_start FROM fact_subscriber_month f JOIN dim_region r ON r.city_code = f.city_code "
                + "JOIN dim_month d ON d.month_key = f.month_key GROUP BY r.macro_region, d.quarter_code, f.month_key), "
                + "q AS (SELECT quarter_code, min(month_key) AS first_month FROM m GROUP BY quarter_code) "
                // ON rather than USING: Druid does not group by a USING column qualified by one side
                + "SELECT m.macro_region, m.quarter_code, 1.0 * sum(m.churned) / sum(m.active_start) FILTER (WHERE m.month_key = q.first_month) "
                + "FROM m JOIN q ON q.quarter_code = m.quarter_code GROUP BY m.macro_region, m.quarter_code ORDER BY 1, 2"),
        new Question("ARPU + churn rate by province x quarter, totals", "ARPU, churn rate",
            CubeQuery.of("subscribers", List.of("arpu", "churn_rate"), List.of("region.province"))
                .withColumns(List.of("time.quarter")).withTotals(true),
            // ARPU = revenue / months / (billed averaged over the months) = revenue / billed summed over them
            "WITH m AS (SELECT r.province_code, d.quarter_code, f.month_key, sum(f.revenue) AS revenue, "
                + "sum(f.billed) AS billed, sum(f.is_churned) AS churned, sum(f.active_start) AS active_start "
                + "FROM fact_subscriber_month f JOIN dim_region r ON r.city_code = f.city_code "
                + "JOIN dim_month d ON d.month_key = f.month_key GROUP BY r.province_code, d.quarter_code, f.month_key), "
                + "w AS (SELECT m.*, min(month_key) OVER (PARTITION BY quarter_code) AS first_in_quarter, "
                + "min(month_key) OVER () AS first_overall FROM m) "
                + "SELECT province_code, quarter_code, sum(revenue) / sum(billed), CASE WHEN GROUPING(quarter_code) = 0 "
                + "THEN 1.0 * sum(churned) / sum(active_start) FILTER (WHERE month_key = first_in_quarter) "
                + "ELSE 1.0 * sum(churned) / sum(active_start) FILTER (WHERE month_key = first_overall) END FROM w "
                + "GROUP BY GROUPING SETS ((province_code, quarter_code), (province_code), (quarter_code), ()) ORDER BY 1, 2"),
        new Question("MoU by province (drill-across)", "drill-across",
            CubeQuery.of("usage", List.of("mou"), List.of("region.province")),
            "WITH u AS (SELECT r.province_code, sum(f.duration_sec) / 60.0 AS minutes, count(DISTINCT f.month_key) AS months "
                + "FROM fact_usage f JOIN dim_region r ON r.city_code = f.city_code GROUP BY r.province_code), "
                + "a AS (SELECT r.province_code, sum(f.active_end) AS active_end FROM fact_subscriber_month f "
                + "JOIN dim_region r ON r.city_code = f.city_code WHERE f.month_key = (SELECT max(month_key) FROM fact_subscriber_month) "
                + "GROUP BY r.province_code) "
                + "SELECT u.province_code, minutes / months / active_end FROM u JOIN a ON a.province_code = u.province_code ORDER BY 1"),
        new Question("revenue by province x quarter, totals", "roll-up",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
                .withColumns(List.of("time.quarter")).withTotals(true),
            "SELECT r.province_code, d.quarter_code, sum(f.amount) FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code JOIN dim_month d ON d.month_key = f.month_key "
                + "GROUP BY GROUPING SETS ((r.province_code, d.quarter_code), (r.province_code), (d.quarter_code), ()) "
                + "ORDER BY 1, 2"));
  }
}
