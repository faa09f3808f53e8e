package org.telecube.warehouse.backend;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one batch publishes: the batch id and, per table, the whole table or some of its months.
 *
 * @param batchId the batch, recorded by the backend as published once the slices commit
 * @param workArea the work area's id (a UUID kept in it): a backend last published from another
 *     work area refuses, rather than two ETLs overwriting each other's stars
 * @param slices the tables to replace, in any order
 */
public record Publication(long batchId, String workArea, List<Slice> slices) {
  public Publication {
    slices = List.copyOf(slices);
  }

  /**
   * A table, or the rows of some months of it.
   *
   * @param table the star table, the same name in the work area and the backend
   * @param monthColumn the column holding {@code yyyymm}, or null for a whole table
   * @param months the months replaced; empty (with {@code monthColumn} null) for the whole table
   */
  public record Slice(String table, String monthColumn, SortedSet<Integer> months) {
    public Slice {
      months = new TreeSet<>(months);
      if ((monthColumn == null) != months.isEmpty()) {
        throw new IllegalArgumentException("a slice is a whole table or some months of a month column");
      }
    }

    public static Slice whole(String table) {
      return new Slice(table, null, new TreeSet<>());
    }

    public static Slice months(String table, String monthColumn, SortedSet<Integer> months) {
      return new Slice(table, monthColumn, months);
    }

    public boolean isWhole() {
      return monthColumn == null;
    }
  }
}
