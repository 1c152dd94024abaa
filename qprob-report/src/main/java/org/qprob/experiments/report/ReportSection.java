package org.qprob.experiments.report;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A section of an experiment's {@code summary.md} that an analysis adds, rendered from the experiment's folder alone
 * (its runs' files, as {@link ExperimentResults} reads them); it may write files of its own beside the summary. Found
 * with {@link ServiceLoader} (list the class in {@code META-INF/services/org.qprob.experiments.report.ReportSection});
 * sections follow the summary and the pairwise comparisons in the order of {@link #order()}, then of their names.
 */
public interface ReportSection {
  /** The section's name, for ordering and messages. */
  String name();

  /** Where the section goes among the others: lower first. */
  int order();

  /** The section's Markdown for {@code results}, empty when it does not apply; writes its files beside it. */
  String render(ExperimentResults results, Bootstrap bootstrap);

  /** Every section visible to this interface's class loader, in order. */
  static List<ReportSection> all() {
    return ServiceLoader.load(ReportSection.class, ReportSection.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparingInt(ReportSection::order).thenComparing(ReportSection::name))
        .toList();
  }
}
