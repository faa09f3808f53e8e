package org.telecube.etl.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import org.telecube.etl.feed.IoReasons;

/**
 * etl_file: which file content (sha256 of the bytes as stored) was loaded in which batch, so a
 * file loaded before is skipped rather than loaded again.
 */
final class FileLedger {
  private final Connection connection;
  private final long batchId;
  private final Map<String, Long> inThisBatch = new HashMap<>();

  FileLedger(Connection connection, long batchId) {
    this.connection = connection;
    this.batchId = batchId;
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(file.getFileName() + ": cannot read: " + IoReasons.of(e), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The batch that loaded this content (this batch included), if any. */
  OptionalLong loadedIn(String sha256) throws SQLException {
    Long here = inThisBatch.get(sha256);
    if (here != null) {
      return OptionalLong.of(here);
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT min(batch_id) FROM etl_file WHERE sha256 = ? AND NOT skipped")) {
      ps.setString(1, sha256);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long b = rs.getLong(1);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(b);
      }
    }
  }

  void record(FileSummary f) throws SQLException {
    if (!f.skipped()) {
      inThisBatch.put(f.sha256(), batchId);
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT INTO etl_file (batch_id, file_name, feed, sha256, rows_read, rows_loaded, rows_rejected, skipped)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, batchId);
      ps.setString(2, f.fileName());
      ps.setString(3, f.feed().code());
      ps.setString(4, f.sha256());
      ps.setLong(5, f.rowsRead());
      ps.setLong(6, f.rowsLoaded());
      ps.setLong(7, f.rowsRejected());
      ps.setBoolean(8, f.skipped());
      ps.executeUpdate();
    }
  }
}
