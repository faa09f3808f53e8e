package org.telecube.warehouse.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each column of a planned statement's rows holds, by name: the planner writes it beside the
 * SQL and the shaping reads rows through it, so neither side counts positions. A cube plan's rows
 * hold per level its member key, caption and order, then one value per measure; a detail plan's
 * rows hold named columns.
 */
public record RowLayout(List<String> levels, List<String> measures, List<String> columns,
                        Map<String, Integer> unitScales) {
  public RowLayout {
    levels = List.copyOf(levels);
    measures = List.copyOf(measures);
    columns = List.copyOf(columns);
    unitScales = Map.copyOf(unitScales);
  }

  public RowLayout(List<String> levels, List<String> measures, List<String> columns) {
    this(levels, measures, columns, Map.of());
  }

  /**
   * This layout with {@code column} (a detail column, or {@code ":" + measure}) read as a decimal
   * the backend keeps in whole units of {@code 10^-scale} (money in cents); 0 changes nothing.
   */
  public RowLayout withUnitScale(String column, int scale) {
    if (scale == 0) {
      return this;
    }
    Map<String, Integer> scales = new HashMap<>(unitScales);
    scales.put(column, scale);
    return new RowLayout(levels, measures, columns, scales);
  }

  /** The unit scale of each column, by position: 0 for a column read as it is. */
  int[] unitScaleByIndex() {
    int[] out = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      out[i] = unitScales.getOrDefault(columns.get(i), 0);
    }
    return out;
  }

  /** Rows of a cube plan: key, caption, order per level, then the measures. */
  public static RowLayout cube(List<String> levels, List<String> measures) {
    List<String> columns = new ArrayList<>();
    for (String l : levels) {
      columns.add(l);
      columns.add(l + ".caption");
      columns.add(l + ".order");
    }
    measures.forEach(m -> columns.add(":" + m));
    return new RowLayout(levels, measures, columns);
  }

  /** Rows of named columns. */
  public static RowLayout detail(List<String> columns) {
    return new RowLayout(List.of(), List.of(), columns);
  }

  public int width() {
    return columns.size();
  }

  public boolean hasLevel(String level) {
    return levels.contains(level);
  }

  int keyIndex(String level) {
    return 3 * levelIndex(level);
  }

  int captionIndex(String level) {
    return 3 * levelIndex(level) + 1;
  }

  int orderIndex(String level) {
    return 3 * levelIndex(level) + 2;
  }

  int measureIndex(String measure) {
    int i = measures.indexOf(measure);
    if (i < 0) {
      throw new IllegalArgumentException("no measure " + measure + " in " + measures);
    }
    return 3 * levels.size() + i;
  }

  int columnIndex(String column) {
    int i = index().getOrDefault(column, -1);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return i;
  }

  private int levelIndex(String level) {
    int i = levels.indexOf(level);
    if (i < 0) {
      throw new IllegalArgumentException("no level " + level + " in " + levels);
    }
    return i;
  }

  private Map<String, Integer> index() {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.putIfAbsent(columns.get(i), i);
    }
    return index;
  }
}
