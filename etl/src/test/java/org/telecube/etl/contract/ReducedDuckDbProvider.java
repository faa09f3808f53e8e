package org.telecube.etl.contract;

import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendProvider;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.backend.StarPublisher;
import org.telecube.warehouse.model.CubeModel;

/**
 * {@code telecube.backend=duckdb-reduced}, tests only: DuckDB declaring neither window functions
 * nor exact distinct counts, as a backend like Druid will. The engine must then refuse what needs
 * them (semi-additive measures, drill-across over months, ARPU's distinct count, the churned list)
 * rather than answer differently.
 */
public final class ReducedDuckDbProvider implements BackendProvider {
  public static final String NAME = "duckdb-reduced";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Backend open(BackendSettings settings) {
    return new Reduced(DuckDbBackend.open(settings.dataDir(), settings.poolSize()));
  }

  private record Reduced(DuckDbBackend duck) implements Backend {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public SqlDialect dialect() {
      return duck.dialect();
    }

    @Override
    public String schema() {
      return duck.schema();
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(false, false, true, true, false, true, false);
    }

    @Override
    public void prepare(CubeModel model) {
      duck.prepare(model);
    }

    @Override
    public DataSource dataSource() {
      return duck.dataSource();
    }

    @Override
    public String location() {
      return duck.location();
    }

    @Override
    public long dataVersion() {
      return duck.dataVersion();
    }

    @Override
    public StarPublisher publisher() {
      return StarPublisher.inPlaceOf(this);
    }

    @Override
    public void close() {
      duck.close();
    }
  }
}
