package org.telecube.server.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.telecube.etl.derive.CustomerAnalysis;
import org.telecube.etl.derive.WarningEvaluation;
import org.telecube.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code telecube churn-evaluate}: the lift of a month's churn warning scores. With
 * {@code --fit-to}, the weights are refitted on months up to then first — inside a transaction
 * that is rolled back, so the warehouse is left as it was.
 */
@Command(name = "churn-evaluate", mixinStandardHelpOptions = true, description = "Lift table of a month's churn warning scores against next month's churn.")
final class ChurnEvaluateCommand implements Callable<Integer> {
  @ParentCommand
  TelecubeCommand root;

  @Option(names = "--month", required = true, description = "Month whose scores are judged (YYYY-MM).")
  YearMonth month;

  @Option(names = "--fit-to", description = "Refit the weights on months up to this one (YYYY-MM) first.")
  YearMonth fitTo;

  @Override
  public Integer call() throws Exception {
    try (Warehouse warehouse = Warehouse.open(root.backendSettings());
         Connection c = warehouse.workArea().dataSource().getConnection()) {
      c.setAutoCommit(false);
      try {
        if (fitTo != null) {
          try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO analysis_setting VALUES ('fit_to_month', ?)")) {
            ps.setString(1, String.valueOf(key(fitTo)));
            ps.executeUpdate();
          }
          CustomerAnalysis.run(c);
        }
        System.out.print(WarningEvaluation.evaluate(c, key(month)).render());
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
    return 0;
  }

  private static int key(YearMonth m) {
    return m.getYear() * 100 + m.getMonthValue();
  }
}
