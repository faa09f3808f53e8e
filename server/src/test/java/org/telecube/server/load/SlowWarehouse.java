package org.telecube.server.load;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.backend.StarPublisher;
import org.telecube.warehouse.backend.StoredColumn;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.ResultCache;

/**
 * Test seam: the server's engine over the real warehouse, whose statements can be made slow —
 * each waits {@link #delayMillis} first, or, with {@link #hang} set, first runs a DuckDB statement
 * of hours that only {@code Statement.cancel} (or {@link #release()}) stops — so tests can see
 * work pile up and a cancel reach the database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SlowWarehouse {
  /** Minutes of DuckDB work if left alone (as in CancellationTest). */
  private static final String HOURS = "SELECT sum(hash(i) % 7) FROM range(50000000000000) t(i)";

  static volatile long delayMillis;
  static volatile boolean hang;
  /** Hanging statements started, and those that ended by a cancel. */
  static final AtomicInteger hanging = new AtomicInteger();
  static final AtomicInteger stopped = new AtomicInteger();
  private static final Set<Statement> running = ConcurrentHashMap.newKeySet();

  static void reset() {
    hang = false;
    delayMillis = 0;
    release();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(running::isEmpty);
    hanging.set(0);
    stopped.set(0);
  }

  /** Cancels every hanging statement (what nothing else stops: a report's). */
  static void release() {
    for (Statement s : running) {
      try {
        s.cancel();
      } catch (SQLException e) {
        // finished meanwhile
      }
    }
  }

  @Bean
  @Primary
  QueryEngine slowEngine(Warehouse warehouse, @Value("${telecube.cache.max-cells:1000000}") long maxCells) {
    return new QueryEngine(new SlowBackend(warehouse.backend()), warehouse.model())
        .withCache(new ResultCache(maxCells));
  }

  private static Statement slow(Statement real) {
    InvocationHandler h = (proxy, method, args) -> {
      if (method.getName().equals("executeQuery")) {
        pause(real);
      }
      try {
        return method.invoke(real, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Statement) Proxy.newProxyInstance(SlowWarehouse.class.getClassLoader(), new Class<?>[] {Statement.class}, h);
  }

  private static void pause(Statement real) throws SQLException, InterruptedException {
    if (delayMillis > 0) {
      Thread.sleep(delayMillis);
    }
    if (hang) {
      running.add(real);
      hanging.incrementAndGet();
      try (ResultSet rs = real.executeQuery(HOURS)) {
        rs.next();
      } catch (SQLException e) {
        stopped.incrementAndGet();
        throw e;
      } finally {
        running.remove(real);
      }
    }
  }

  private static Connection slow(Connection real) {
    InvocationHandler h = (proxy, method, args) -> {
      try {
        Object result = method.invoke(real, args);
        return method.getName().equals("createStatement") ? slow((Statement) result) : result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (Connection) Proxy.newProxyInstance(SlowWarehouse.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private static DataSource slow(DataSource real) {
    InvocationHandler h = (proxy, method, args) -> {
      try {
        Object result = method.invoke(real, args);
        return method.getName().equals("getConnection") ? slow((Connection) result) : result;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (DataSource) Proxy.newProxyInstance(SlowWarehouse.class.getClassLoader(), new Class<?>[] {DataSource.class}, h);
  }

  /** The real backend with its data source wrapped. */
  private record SlowBackend(Backend real) implements Backend {
    @Override
    public String name() {
      return real.name();
    }

    @Override
    public SqlDialect dialect() {
      return real.dialect();
    }

    @Override
    public String schema() {
      return real.schema();
    }

    @Override
    public Capabilities capabilities() {
      return real.capabilities();
    }

    @Override
    public void prepare(CubeModel model) {
      real.prepare(model);
    }

    @Override
    public DataSource dataSource() {
      return slow(real.dataSource());
    }

    @Override
    public String location() {
      return real.location();
    }

    @Override
    public long dataVersion() {
      return real.dataVersion();
    }

    @Override
    public Optional<List<StoredColumn>> storedColumns(String table) {
      return real.storedColumns(table);
    }

    @Override
    public StarPublisher publisher() {
      return real.publisher();
    }

    @Override
    public void close() {
      // the warehouse closes the real one
    }
  }
}
