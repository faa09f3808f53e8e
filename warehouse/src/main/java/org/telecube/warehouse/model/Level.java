package org.telecube.warehouse.model;

import java.util.Map;

/**
 * A level of a dimension's hierarchy.
 *
 * @param keyColumn column holding the member key (what filters and drill-down use)
 * @param captionColumns column holding the member caption, per language tag
 * @param orderColumn column members sort by
 */
public record Level(String dimension, String name, Caption caption, String keyColumn,
                    Map<String, String> captionColumns, String orderColumn) {
  public Level {
    captionColumns = Map.copyOf(captionColumns);
  }

  /** The qualified name used in queries: {@code region.province}. */
  public String qualifiedName() {
    return dimension + "." + name;
  }

  public String captionColumn(Language language) {
    String column = captionColumns.get(language.tag());
    return column != null ? column : captionColumns.getOrDefault(Language.ZH_CN.tag(), keyColumn);
  }
}
