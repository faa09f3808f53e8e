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
   * @param backend duckdb
   * @param location the warehouse file, its real path (symbolic links resolved), as the command
   *     line resolves its own {@code --data-dir}
   */
  record WarehouseIdentity(String backend, String location) {
  }

  @Operation(summary = "The warehouse this server holds: backend and the file's real path")
  @GetMapping("/api/warehouse")
  WarehouseIdentity identity() {
    return new WarehouseIdentity(warehouse.backend().name(), realPath(warehouse.backend().location()));
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
