package org.telecube.reports.definition;

import org.telecube.warehouse.model.Caption;

/**
 * A parameter of a report as clients pass it.
 *
 * @param name name in requests: {@code month}, {@code scope}, {@code locale}, {@code format}
 * @param type {@code year_month} (YYYY-MM), {@code region} (a region member key at any level;
 *     empty for the whole country), {@code locale} (zh-CN or en), {@code format} (pdf)
 * @param required false when the parameter has a default
 * @param defaultValue the value used when it is left out (null: none)
 */
public record ReportParameter(String name, String type, boolean required, String defaultValue, Caption caption) {
}
