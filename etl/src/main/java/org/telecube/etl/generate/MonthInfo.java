package org.telecube.etl.generate;

import java.time.YearMonth;

/**
 * One simulated month; days are epoch days so the hot loop compares ints, not dates.
 *
 * @param index 0 for the first month generated
 * @param dueDay the 20th of the next month: when this month's bill is due
 */
record MonthInfo(int index, YearMonth month, int firstDay, int lastDay, int dueDay) {
  static MonthInfo of(int index, YearMonth month) {
    return new MonthInfo(index, month, (int) month.atDay(1).toEpochDay(),
        (int) month.atEndOfMonth().toEpochDay(), (int) month.plusMonths(1).atDay(20).toEpochDay());
  }

  int days() {
    return lastDay - firstDay + 1;
  }

  int monthOfYear() {
    return month.getMonthValue();
  }

  int nextMonthFirstDay() {
    return lastDay + 1;
  }
}
