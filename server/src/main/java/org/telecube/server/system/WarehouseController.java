package org.telecube.server.system;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.telecube.warehouse.Warehouse;

/**
 * {@code GET /api/warehouse}: which warehouse this server holds, so a command line that finds the
 * file busy and hands its work to a server can tell that it is the same warehouse and not another.
 */
@RestController
class WarehouseController {
  private final Warehouse warehouse;

  WarehouseController(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * @param backend duckdb, postgres or druid
   * @param location the DuckDB file's real path (symbolic links resolved), the backend's JDBC
   *     URL without credentials, or Druid's broker URL
   * @param workArea the real path of the ETL's work area file (the same file as {@code location}
   *     for DuckDB), as the command line resolves its own {@code --data-dir}
   */
  record WarehouseIdentity(String backend, String location, String workArea) {
  }

  @Operation(summary = "The warehouse this server holds: backend, where it lives and the ETL work area's real path")
  @GetMapping("/api/warehouse")
  WarehouseIdentity identity() {
    String location = warehouse.backend().location();
    return new WarehouseIdentity(warehouse.backend().name(),
        isUrl(location) ? location : realPath(location), realPath(warehouse.workArea().location()));
  }

  /** A server backend's location (PostgreSQL's JDBC URL, Druid's broker URL) rather than a file. */
  static boolean isUrl(String location) {
    return location.startsWith("jdbc:") || location.matches("(?i)^https?://.*");
  }

  /** The real path of {@code location}, or the normalized absolute path when it cannot be resolved. */
  static String realPath(String location) {
    Path p = Path.of(location).toAbsolutePath().normalize();
    try {
      return p.toRealPath().toString();
    } catch (IOException e) {
      return p.toString();
    }
  }
}
