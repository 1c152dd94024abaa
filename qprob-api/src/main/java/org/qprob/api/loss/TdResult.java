package org.qprob.api.loss;

/**
 * What a {@link Loss} returns for a {@link TdBatch}: per-sample values and gradients of each sample's own value (not
 * of the batch mean, and without its weight: the agent applies the weights and the {@code 1 / n}).
 *
 * @param value the loss of each sample, length n
 * @param dOutputs {@code d value[i] / d outputs}, {@code n * width} (row i holds sample i's gradient)
 * @param dNextOutputs {@code d value[i] / d nextOutputs}, {@code n * width}; null unless asked for
 * @param priority a per-sample signal for prioritized replay: the absolute TD error for point losses, the sample's
 *     loss for distributional ones
 */
public record TdResult(double[] value, double[] dOutputs, double[] dNextOutputs, double[] priority) {
}
