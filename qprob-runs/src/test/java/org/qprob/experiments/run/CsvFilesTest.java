package org.qprob.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {
  @TempDir
  Path dir;

  @Test
  void aLogHasItsFinalNameOnlyOnceComplete() throws IOException {
    Path target = dir.resolve("episodes.csv");
    EpisodeRow row = new EpisodeRow(1, 12, 12.0, 12, 1.0, Double.NaN, Double.NaN, 0.5);
    try (CsvLog log = new CsvLog(target, EpisodeRow.COLUMNS)) {
      log.append(row.fields());
      assertThat(target).doesNotExist();
      assertThat(Files.readAllLines(CsvLog.partialOf(target))).as("flushed per row").hasSize(2);
      log.complete();
    }
    assertThat(CsvLog.partialOf(target)).doesNotExist();
    assertThat(CsvFile.read(target, EpisodeRow.COLUMNS, EpisodeRow::parse)).containsExactly(row);
  }

  @Test
  void aRowCutShortAtTheEndIsDroppedButNotInTheMiddle() throws IOException {
    Path f = dir.resolve("eval.csv");
    String header = String.join(",", EvaluationRow.COLUMNS);
    Files.writeString(f, header + "\n100,2,1,5.0,0.0,5.0,5.0,1.0\n200,4,1,6.");
    assertThat(CsvFile.read(f, EvaluationRow.COLUMNS, EvaluationRow::parse)).hasSize(1);
    Files.writeString(f, header + "\n100,2,1\n200,4,1,6.0,0.0,6.0,6.0,2.0\n");
    assertThatThrownBy(() -> CsvFile.read(f, EvaluationRow.COLUMNS, EvaluationRow::parse))
        .hasMessageContaining("eval.csv line 2: expected 8 fields, got 3");
    Files.writeString(f, "a,b\n");
    assertThatThrownBy(() -> CsvFile.read(f, EvaluationRow.COLUMNS, EvaluationRow::parse))
        .hasMessageContaining("header is not env_steps,");
  }

  @Test
  void atomicWritesReplaceWholeFilesAndLeaveNoTemporary() throws IOException {
    Path f = dir.resolve("summary.md");
    AtomicFiles.writeString(f, "first");
    AtomicFiles.writeString(f, "second");
    assertThat(Files.readString(f)).isEqualTo("second");
    try (var s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(f);
    }
  }

  @Test
  void evaluationRowsSummariseTheirReturns() {
    EvaluationRow r = EvaluationRow.of(100, 3, new double[] {1, 3, 5}, 2.0);
    assertThat(r.meanReturn()).isEqualTo(3);
    assertThat(r.stdReturn()).isEqualTo(Math.sqrt(8 / 3.0));
    assertThat(r.minReturn()).isEqualTo(1);
    assertThat(r.maxReturn()).isEqualTo(5);
    assertThat(EvaluationRow.parse(r.fields())).isEqualTo(r);
    assertThat(List.of(r.fields().size())).containsExactly(EvaluationRow.COLUMNS.size());
  }
}
