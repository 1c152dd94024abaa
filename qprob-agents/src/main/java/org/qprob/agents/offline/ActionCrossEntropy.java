package org.qprob.agents.offline;

/**
 * The weighted cross-entropy of a policy's logits with the dataset's actions, as behaviour cloning
 * (every weight 1) and advantage-weighted regression (weights {@code exp(A / beta)}) fit it:
 * {@code L = (1/n) sum_i w_i * -log softmax(logits_i)[a_i]}, whose gradient with respect to the logits of row i is
 * {@code w_i / n * (softmax(logits_i) - onehot(a_i))}.
 */
final class ActionCrossEntropy {
  private ActionCrossEntropy() {
  }

  /**
   * The batch loss; fills {@code dLogits} (n rows of the logits' width) with its gradient when not null.
   *
   * @param weights each row's weight; null for all 1
   */
  static double evaluate(double[][] logits, int[] actions, double[] weights, double[][] dLogits) {
    int n = logits.length;
    double loss = 0;
    for (int i = 0; i < n; i++) {
      double[] row = logits[i];
      double max = Double.NEGATIVE_INFINITY;
      for (double v : row) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (double v : row) {
        sum += Math.exp(v - max);
      }
      double logSum = max + Math.log(sum);
      double w = weights == null ? 1 : weights[i];
      loss += w * (logSum - row[actions[i]]);
      if (dLogits != null) {
        for (int k = 0; k < row.length; k++) {
          double p = Math.exp(row[k] - logSum);
          dLogits[i][k] = w / n * (p - (k == actions[i] ? 1 : 0));
        }
      }
    }
    return loss / n;
  }

  /** The index of the largest logit (the first on ties). */
  static int argmax(float[] logits) {
    int best = 0;
    for (int k = 1; k < logits.length; k++) {
      if (logits[k] > logits[best]) {
        best = k;
      }
    }
    return best;
  }
}
