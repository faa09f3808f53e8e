/**
 * Export of a cube query's answer as the analyst sees it: {@link org.telecube.server.cube.export.PivotTable}
 * lays the cell set out as a pivot of typed cells; {@link org.telecube.server.cube.export.CsvExport}
 * and {@link org.telecube.server.cube.export.XlsxExport} print it.
 */
package org.telecube.server.cube.export;
