package org.telecube.reports.jasper;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/**
 * Print styling for the report's charts that JRXML cannot express: flat bars, value labels on
 * bars and points, grouped tick labels that never repeat, light grid lines, full month labels.
 * Fonts stay the ones the template gave (Noto Sans SC from the font extension).
 */
public final class RevenueChartCustomizer implements JRChartCustomizer {
  private static final Color GRID = new Color(0xCB, 0xD5, 0xE1);
  private static final Color LABEL = new Color(0x33, 0x41, 0x55);

  @Override
  public void customize(JFreeChart chart, JRChart jasperChart) {
    if (!(chart.getPlot() instanceof CategoryPlot plot)) {
      return;
    }
    chart.setAntiAlias(true);
    chart.setBackgroundPaint(Color.WHITE);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    plot.setDomainGridlinesVisible(false);
    DecimalFormat numbers = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    if (plot.getRangeAxis() instanceof NumberAxis axis) {
      axis.setNumberFormatOverride(numbers);
      axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
      axis.setAxisLineVisible(false);
      axis.setTickMarksVisible(false);
    }
    CategoryAxis domain = plot.getDomainAxis();
    domain.setMaximumCategoryLabelWidthRatio(1.6f);
    domain.setCategoryMargin(0.25);
    domain.setLowerMargin(0.02);
    domain.setUpperMargin(0.02);
    domain.setTickMarksVisible(false);
    Font labelFont = domain.getTickLabelFont().deriveFont(Math.max(6.5f, domain.getTickLabelFont().getSize2D() - 0.5f));
    DecimalFormat labels = new DecimalFormat(largest(plot) >= 100 ? "#,##0" : "#,##0.#",
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    CategoryItemRenderer renderer = plot.getRenderer();
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", labels));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(labelFont);
    renderer.setDefaultItemLabelPaint(LABEL);
    if (renderer instanceof BarRenderer bars) {
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setDrawBarOutline(false);
      bars.setItemMargin(0.0);
      bars.setMaximumBarWidth(0.06);
      bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
      bars.setItemLabelAnchorOffset(3.0);
      if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        if (plot.getRangeAxis() instanceof NumberAxis axis) {
          axis.setUpperMargin(0.12);
        }
      }
    }
    if (renderer instanceof LineAndShapeRenderer line) {
      line.setDefaultStroke(new BasicStroke(2.0f));
      line.setAutoPopulateSeriesStroke(false);
      line.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
      line.setItemLabelAnchorOffset(5.0);
      line.setAutoPopulateSeriesShape(false);
      line.setDefaultShape(new Ellipse2D.Double(-3.0, -3.0, 6.0, 6.0));
      if (plot.getRangeAxis() instanceof NumberAxis axis) {
        axis.setAutoRangeIncludesZero(false);
        axis.setUpperMargin(0.15);
        axis.setLowerMargin(0.15);
      }
    }
  }

  private static double largest(CategoryPlot plot) {
    double max = 0;
    CategoryDataset data = plot.getDataset();
    if (data != null) {
      for (int r = 0; r < data.getRowCount(); r++) {
        for (int c = 0; c < data.getColumnCount(); c++) {
          Number v = data.getValue(r, c);
          if (v != null) {
            max = Math.max(max, Math.abs(v.doubleValue()));
          }
        }
      }
    }
    return max;
  }
}
