package org.qprob.experiments.cli;

import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qprob.api.Options;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.demo.GumbelRegressionDemo;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qprob gumbel-regression}: XQL's Gumbel-regression demonstration. Fits a scalar h to normal samples with the
 * registered {@code xql} loss and with {@code l2}, for several beta, and prints and writes a table and a plot.
 */
@Command(name = "gumbel-regression", mixinStandardHelpOptions = true,
    description = {"Fit a scalar h to samples x ~ Normal(mean, std) by gradient descent on the registered xql loss"
        + " (Gumbel regression) and on l2, for several beta.",
        "Gumbel regression reaches beta * log mean(exp(x/beta)) (the soft maximum; mean + std^2/(2 beta) for the"
        + " distribution), L2 the mean. Writes gumbel-regression.csv and gumbel-regression.png to --out."})
public final class GumbelRegressionCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--beta", split = ",", paramLabel = "B", description = "temperatures; default ${DEFAULT-VALUE}")
  private double[] betas = {0.5, 1, 2, 5, 10};

  @Option(names = "--mean", description = "the normal's mean; default ${DEFAULT-VALUE}")
  private double mean = 0;

  @Option(names = "--std", description = "the normal's standard deviation; default ${DEFAULT-VALUE}")
  private double std = 1;

  @Option(names = "--samples", description = "number of samples; default ${DEFAULT-VALUE}")
  private int samples = 10_000;

  @Option(names = "--seed", description = "sampling seed; default ${DEFAULT-VALUE}")
  private long seed = 0;

  @Option(names = "--iterations", description = "most gradient steps per fit; default ${DEFAULT-VALUE}")
  private int iterations = 5_000;

  @Option(names = "--form", description = "the xql loss's form option (plain, clipped, max-rescaled); default"
      + " ${DEFAULT-VALUE}, the exact Gumbel regression")
  private String form = "plain";

  @Option(names = "--out", paramLabel = "DIR", description = "where the csv and png go; default ${DEFAULT-VALUE}")
  private Path out = Path.of("results", "gumbel-regression");

  @Override
  public Integer call() throws Exception {
    GumbelRegressionDemo demo;
    try {
      demo = new GumbelRegressionDemo(mean, std, samples, seed, iterations);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("gumbel-regression: " + e.getMessage(), e);
    }
    for (double b : betas) {
      if (!(b > 0) || !Double.isFinite(b)) {
        throw new ConfigException("gumbel-regression: --beta " + b + " is invalid; expected finite numbers > 0");
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ConfigException(out + ": is a file; expected a folder for the results (--out)");
    }
    Plugins plugins = Plugins.load();
    LossProvider xql = plugins.losses().get("xql");
    Loss l2 = plugins.losses().get("l2").create(Options.none("loss l2"));
    Map<Double, Loss> losses = new HashMap<>();
    for (double b : betas) {
      Map<String, Object> options = Map.of("beta", b, "form", form);
      try {
        losses.put(b, xql.create(new Options("loss xql", options)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("gumbel-regression: " + e.getMessage(), e);
      }
    }
    List<GumbelRegressionDemo.Row> rows = demo.run(betas, losses::get, l2);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("Gumbel regression vs L2 on " + samples + " samples of Normal(" + mean + ", " + std + "), seed "
        + seed + "; xql form " + form + "; both fits start at the sample mean");
    stdout.println(String.format(Locale.ROOT, "%8s %16s %16s %16s %12s %12s %12s", "beta", "exact softmax",
        "sample softmax", "gumbel-reg h", "|h - sample|", "l2 h", "sample mean"));
    StringBuilder csv = new StringBuilder(
        "beta,exact_soft_max,sample_soft_max,gumbel_regression_h,l2_h,sample_mean,gumbel_steps,l2_steps\n");
    for (GumbelRegressionDemo.Row r : rows) {
      stdout.println(String.format(Locale.ROOT, "%8.3f %16.6f %16.6f %16.6f %12.2e %12.6f %12.6f", r.beta(),
          r.exactSoftMax(), r.sampleSoftMax(), r.gumbelFit(), Math.abs(r.gumbelFit() - r.sampleSoftMax()), r.l2Fit(),
          r.sampleMean()));
      csv.append(r.beta()).append(',').append(r.exactSoftMax()).append(',').append(r.sampleSoftMax()).append(',')
          .append(r.gumbelFit()).append(',').append(r.l2Fit()).append(',').append(r.sampleMean()).append(',')
          .append(r.gumbelTrace().length - 1).append(',').append(r.l2Trace().length - 1).append('\n');
    }
    Files.createDirectories(out);
    AtomicFiles.writeString(out.resolve("gumbel-regression.csv"), csv.toString());
    AtomicFiles.write(out.resolve("gumbel-regression.png"), BitmapEncoder.getBitmapBytes(chart(rows),
        BitmapEncoder.BitmapFormat.PNG));
    stdout.println("wrote " + out.resolve("gumbel-regression.csv") + ", gumbel-regression.png");
    stdout.flush();
    return 0;
  }

  private XYChart chart(List<GumbelRegressionDemo.Row> rows) {
    XYChart chart = new XYChartBuilder().width(900).height(600)
        .title("Gumbel regression (xql) vs L2: fitted scalar h against beta; x ~ Normal(" + mean + ", " + std + "), "
            + samples + " samples")
        .xAxisTitle("beta (log scale)").yAxisTitle("h").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    double lo = rows.stream().mapToDouble(GumbelRegressionDemo.Row::beta).min().orElse(0.1);
    double hi = rows.stream().mapToDouble(GumbelRegressionDemo.Row::beta).max().orElse(10);
    int n = 200;
    double[] bx = new double[n];
    double[] by = new double[n];
    for (int i = 0; i < n; i++) {
      bx[i] = lo * Math.pow(hi / lo, i / (double) (n - 1));
      by[i] = mean + std * std / (2 * bx[i]);
    }
    XYSeries exact = chart.addSeries("mean + std^2/(2 beta): the distribution's soft maximum", bx, by);
    exact.setMarker(SeriesMarkers.NONE);
    exact.setLineColor(Color.GRAY);
    double[] b = rows.stream().mapToDouble(GumbelRegressionDemo.Row::beta).toArray();
    XYSeries sample = chart.addSeries("beta log mean exp(x/beta): the samples' soft maximum", b,
        rows.stream().mapToDouble(GumbelRegressionDemo.Row::sampleSoftMax).toArray());
    sample.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    sample.setMarker(SeriesMarkers.CIRCLE);
    sample.setMarkerColor(new Color(31, 119, 180));
    XYSeries fit = chart.addSeries("h fitted by Gumbel regression (xql)", b,
        rows.stream().mapToDouble(GumbelRegressionDemo.Row::gumbelFit).toArray());
    fit.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    fit.setMarker(SeriesMarkers.CROSS);
    fit.setMarkerColor(new Color(214, 39, 40));
    XYSeries l2 = chart.addSeries("h fitted by L2 (the sample mean)", b,
        rows.stream().mapToDouble(GumbelRegressionDemo.Row::l2Fit).toArray());
    l2.setLineStyle(SeriesLines.DASH_DASH);
    l2.setMarker(SeriesMarkers.DIAMOND);
    l2.setLineColor(new Color(44, 160, 44));
    l2.setMarkerColor(new Color(44, 160, 44));
    return chart;
  }
}
