package org.qprob.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@code curves.png}: side by side, training return against episodes, training return against env steps, and
 * (when there are evaluations) greedy-evaluation return against env steps. Each variant is a mean line with a shaded
 * confidence band; the solving threshold, if any, is a dashed line.
 */
public final class CurvesPlot {
  private static final Color[] PALETTE = {
      new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
      new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
      new Color(188, 189, 34), new Color(23, 190, 207)};
  private static final int WIDTH = 760;
  private static final int HEIGHT = 520;

  /** One panel: its title, axis titles and bands. */
  public record Panel(String title, String xAxis, String yAxis, List<Band> bands) {
    boolean hasData() {
      return bands.stream().anyMatch(b -> !b.isEmpty());
    }
  }

  private CurvesPlot() {}

  /** The PNG bytes of the panels that have data, side by side, under {@code heading}. */
  public static byte[] png(String heading, List<Panel> panels, Double threshold) {
    List<BufferedImage> images = new ArrayList<>();
    for (Panel p : panels) {
      if (p.hasData()) {
        images.add(BitmapEncoder.getBufferedImage(chart(p, threshold)));
      }
    }
    int headingHeight = 36;
    int width = Math.max(WIDTH, images.size() * WIDTH);
    int height = headingHeight + (images.isEmpty() ? 80 : HEIGHT);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(heading, 12, 24);
    if (images.isEmpty()) {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      g.drawString("no finished runs to plot", 12, headingHeight + 30);
    }
    for (int i = 0; i < images.size(); i++) {
      g.drawImage(images.get(i), i * WIDTH, headingHeight, null);
    }
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static XYChart chart(Panel panel, Double threshold) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(panel.title())
        .xAxisTitle(panel.xAxis()).yAxisTitle(panel.yAxis()).build();
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setLegendBackgroundColor(new Color(255, 255, 255, 200));
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setAntiAlias(true);
    chart.getStyler().setXAxisDecimalPattern("#,###");
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < panel.bands().size(); i++) {
      Band b = panel.bands().get(i);
      if (b.isEmpty()) {
        continue;
      }
      Color color = PALETTE[i % PALETTE.length];
      int n = b.x().length;
      xMin = Math.min(xMin, b.x()[0]);
      xMax = Math.max(xMax, b.x()[n - 1]);
      if (b.seeds() > 1) {
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int k = 0; k < n; k++) {
          px[k] = b.x()[k];
          py[k] = b.upper()[k];
          px[2 * n - 1 - k] = b.x()[k];
          py[2 * n - 1 - k] = b.lower()[k];
        }
        XYSeries area = chart.addSeries(b.variant() + " band", px, py);
        area.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        area.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
        area.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 0));
        area.setMarker(SeriesMarkers.NONE);
        area.setShowInLegend(false);
      }
      String label = b.seeds() == 0 ? b.variant() // a reference line (PointBands.line)
          : b.variant() + " (" + b.seeds() + (b.seeds() == 1 ? " seed)" : " seeds)");
      XYSeries line = chart.addSeries(label, b.x(), b.mean());
      line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      line.setLineColor(color);
      line.setLineStyle(new BasicStroke(2f));
      line.setMarker(SeriesMarkers.NONE);
    }
    if (threshold != null && xMax >= xMin) {
      XYSeries t = chart.addSeries(String.format(Locale.ROOT, "threshold %s", SummaryTable.fmt(threshold)),
          new double[] {xMin, xMax}, new double[] {threshold, threshold});
      t.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      t.setLineColor(Color.GRAY);
      t.setLineStyle(SeriesLines.DASH_DASH);
      t.setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }
}
