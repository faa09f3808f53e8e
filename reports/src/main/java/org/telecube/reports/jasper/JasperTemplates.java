package org.telecube.reports.jasper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The report templates ({@code org/telecube/reports/templates/NAME.jrxml} on the class path),
 * each compiled once (1-2 s in a cold JVM) and then shared: a compiled report is immutable and
 * safe to fill from many threads.
 */
public final class JasperTemplates {
  static final String LOCATION = "/org/telecube/reports/templates/";

  private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

  public JasperReport get(String name) {
    return compiled.computeIfAbsent(name, JasperTemplates::compile);
  }

  private static JasperReport compile(String name) {
    String path = LOCATION + name + ".jrxml";
    try (InputStream in = JasperTemplates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("report template " + path + " is not on the class path");
      }
      return JasperCompileManager.compileReport(in);
    } catch (JRException | IOException e) {
      throw new IllegalStateException("cannot compile report template " + path + ": " + e.getMessage(), e);
    }
  }
}
