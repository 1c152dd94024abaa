package org.qprob.agents.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OptimizerConfig;
import org.qprob.agents.config.WeightInit;

/**
 * A multilayer perceptron, optionally with a convolutional first layer over grid observations, trained by external
 * errors: the caller runs a batch forward ({@link #forwardForTraining}),
 * computes dLoss/dOutput itself, and hands it back ({@link #gradient}); the gradient is then clipped by its global
 * norm and applied by Adam or SGD in {@link #step}. The last layer is linear. Initial weights come from the caller's
 * generator, not from ND4J's.
 *
 * <p>The parameters and the gradient live in a DL4J {@code MultiLayerNetwork} of dense layers (its flat parameter
 * and gradient vectors, in DL4J's layout: {@link LayerLayout}; a convolution is a DL4J {@code ConvolutionLayer} over
 * channels-last (NHWC) grids, which DL4J flattens position-major into the first dense layer), but the arithmetic does not go through DL4J's layers: the passes call
 * OpenBLAS directly on those vectors ({@link BlasStack}) and the optimizer runs in Java with DL4J's formulas
 * ({@link GradientStep}). This gives the same numbers as DL4J's own layers and updaters at a fraction of the cost: DL4J
 * spends 10-20 µs of bookkeeping on each of the ~40 native operations of one update of a small network, more than
 * the arithmetic itself (see docs/performance.md).
 */
public final class Mlp {
  private final MultiLayerNetwork net;
  private final LayerLayout layout;
  private final int[] sizes;
  private final Activations activation;
  private final DataType dataType;
  private final String description;
  private final BlasStack stack;
  private final GradientStep optimizer;
  private final Gradient gradient;
  private float[] hostParameters;
  private int iteration;

  private Mlp(MultiLayerNetwork net, LayerLayout layout, Activations activation, DataType dataType,
      GradientStep optimizer, String description) {
    this.net = net;
    this.layout = layout;
    this.sizes = layout.sizes;
    this.activation = activation;
    this.dataType = dataType;
    this.optimizer = optimizer;
    this.description = description;
    this.stack = BlasStack.create(layout, activation, dataType, net.params(), net.getGradientsViewArray());
    this.gradient = new DefaultGradient(net.getGradientsViewArray());
  }

  /**
   * A new network with initial weights drawn from {@code rng}.
   *
   * @param config hidden sizes, activation and initialisation
   * @param inputs input width
   * @param outputs output width
   * @param optimizer the optimizer's kind and constants (its clip and learning rate are overridden by the arguments)
   * @param learningRate the step size
   * @param gradClipNorm global-norm clip, 0 = off
   * @param dataType FLOAT for training, DOUBLE for gradient checks
   * @param rng where the initial weights come from
   */
  public static Mlp create(NetworkConfig config, int inputs, int outputs, OptimizerConfig optimizer,
      double learningRate, double gradClipNorm, DataType dataType, RandomGenerator rng) {
    return create(config, new int[] {inputs}, outputs, optimizer, learningRate, gradClipNorm, dataType, rng);
  }

  /**
   * As {@link #create(NetworkConfig, int, int, OptimizerConfig, double, double, DataType, RandomGenerator)} for inputs
   * of {@code inputShape} (an observation space's shape, {@link ObservationEncoder#shape()}); a convolution needs a
   * grid {@code [rows, columns, channels]}, stored channels-last. Fails with one line if {@code config.conv()} does not
   * fit the shape.
   */
  public static Mlp create(NetworkConfig config, int[] inputShape, int outputs, OptimizerConfig optimizer,
      double learningRate, double gradClipNorm, DataType dataType, RandomGenerator rng) {
    Activations act = Activations.byName(config.activation());
    LayerLayout layout = layout(config, inputShape, outputs);
    int[] sizes = layout.sizes;
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
        .dataType(dataType)
        .updater(new NoOp())
        .miniBatch(false)
        .trainingWorkspaceMode(WorkspaceMode.NONE)
        .inferenceWorkspaceMode(WorkspaceMode.NONE)
        .list();
    Convolution conv = layout.conv;
    for (int l = 0; l < sizes.length - 1; l++) {
      boolean last = l == sizes.length - 2;
      Activation a = last ? Activation.IDENTITY : act.dl4j;
      if (layout.convolutional(l)) {
        list.layer(new ConvolutionLayer.Builder(conv.kernel, conv.kernel).stride(conv.stride, conv.stride)
            .padding(conv.padding, conv.padding).convolutionMode(ConvolutionMode.Truncate)
            .dataFormat(CNN2DFormat.NHWC).nIn(conv.channels).nOut(conv.filters).activation(a).build());
      } else {
        list.layer(new DenseLayer.Builder().nIn(sizes[l]).nOut(sizes[l + 1]).activation(a).build());
      }
    }
    if (conv != null) {
      list.setInputType(InputType.convolutional(conv.rows, conv.columns, conv.channels, CNN2DFormat.NHWC));
    }
    MultiLayerConfiguration conf = list.build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    net.initGradientsView();
    checkLayout(net, layout);
    GradientStep step = GradientStep.create(optimizer, learningRate, gradClipNorm, net.params(),
        net.getGradientsViewArray());
    Mlp mlp = new Mlp(net, layout, act, dataType, step,
        "Mlp(" + (conv == null ? "" : conv + ", ") + java.util.Arrays.toString(sizes) + ", " + config.activation()
            + ", " + config.weightInit() + ", " + optimizer.name() + " lr=" + learningRate + ", clip=" + gradClipNorm
            + ", " + dataType + ")");
    mlp.initialise(config.weightInitScheme(), rng);
    return mlp;
  }

  /** The layers of {@code config} between inputs of {@code inputShape} and {@code outputs}; one line if they do not fit. */
  static LayerLayout layout(NetworkConfig config, int[] inputShape, int outputs) {
    Convolution conv = config.conv() == null ? null : Convolution.of(config.conv(), inputShape);
    int inputs = 1;
    for (int d : inputShape) {
      inputs *= d;
    }
    List<Integer> hidden = config.hidden();
    int first = conv == null ? 1 : 2;
    int[] sizes = new int[hidden.size() + first + 1];
    sizes[0] = inputs;
    if (conv != null) {
      sizes[1] = conv.outputs();
    }
    for (int i = 0; i < hidden.size(); i++) {
      sizes[i + first] = hidden.get(i);
    }
    sizes[sizes.length - 1] = outputs;
    return new LayerLayout(sizes, conv);
  }

  /**
   * The parameter count of {@code config} between inputs of {@code inputShape} and {@code outputs}, without building
   * it (for memory estimates); one line if the config does not fit the shape.
   */
  public static long parameterCount(NetworkConfig config, int[] inputShape, int outputs) {
    return layout(config, inputShape, outputs).parameterCount;
  }

  /** The values per sample each layer produces, input first, as {@link #parameterCount} builds them. */
  public static int[] widths(NetworkConfig config, int[] inputShape, int outputs) {
    return layout(config, inputShape, outputs).sizes.clone();
  }

  /** Fails unless DL4J keeps each layer's weights and bias where {@code layout} says. */
  private static void checkLayout(MultiLayerNetwork net, LayerLayout layout) {
    if (net.numParams() != layout.parameterCount) {
      throw new IllegalStateException("DL4J holds " + net.numParams() + " parameters where the layout has "
          + layout.parameterCount);
    }
    long base = net.params().offset();
    for (int l = 0; l < layout.layers(); l++) {
      long w = net.getParam(l + "_W").offset() - base;
      long b = net.getParam(l + "_b").offset() - base;
      if (w != layout.weightAt[l] || b != layout.biasAt[l]) {
        throw new IllegalStateException("DL4J keeps layer " + l + "'s weights at " + w + " and bias at " + b
            + " where the layout has " + layout.weightAt[l] + " and " + layout.biasAt[l]);
      }
    }
  }

  private void initialise(WeightInit scheme, RandomGenerator rng) {
    double[] flat = new double[(int) net.numParams()];
    for (int l = 0; l < layout.layers(); l++) {
      int in = layout.fanIn(l);
      int out = layout.units(l);
      double wBound = scheme.weightBound(in, layout.fanOut(l));
      double bBound = scheme.biasBound(in, layout.fanOut(l));
      int w = (int) layout.weightAt[l];
      for (int k = 0; k < in * out; k++) {
        flat[w + k] = (2 * rng.nextDouble() - 1) * wBound;
      }
      int b = (int) layout.biasAt[l];
      for (int k = 0; k < out; k++) {
        flat[b + k] = bBound == 0 ? 0 : (2 * rng.nextDouble() - 1) * bBound;
      }
    }
    net.params().assign(Nd4j.create(flat, new long[] {1, flat.length}, 'c').castTo(dataType));
  }

  /** Values per sample of each layer, input first (a convolution's: positions x filters). */
  /** Where each layer's parameters are in the flat vector. */
  LayerLayout layerLayout() {
    return layout;
  }

  public int[] sizes() {
    return sizes.clone();
  }

  public int inputs() {
    return sizes[0];
  }

  public int outputs() {
    return sizes[sizes.length - 1];
  }

  public DataType dataType() {
    return dataType;
  }

  /** A row-major matrix of {@code rows} encoded inputs, in this network's data type. */
  public INDArray matrix(float[] rowMajor, int rows) {
    INDArray x = Nd4j.create(rowMajor, new long[] {rows, sizes[0]}, 'c');
    return dataType == DataType.FLOAT ? x : x.castTo(dataType);
  }

  /** Outputs without keeping anything for backpropagation (no gradient flows through these). */
  public double[][] output(INDArray input) {
    int rows = rows(input);
    return split(stack.forward(input.dup('c').data().asDouble(), rows, false), rows);
  }

  /**
   * Outputs for {@code rows} encoded inputs, row-major, without keeping anything for backpropagation; this does not
   * disturb a {@link #forwardForTraining} pass waiting for its {@link #gradient}.
   */
  public double[][] output(float[] rowMajor, int rows) {
    return split(outputFlat(rowMajor, rows), rows);
  }

  /**
   * As {@link #output(float[], int)}, the outputs row-major in one array: output {@code k} of row {@code i} at
   * {@code i * outputs() + k}.
   */
  public double[] outputFlat(float[] rowMajor, int rows) {
    return stack.forward(checkedInputs(rowMajor, rows), rows, false);
  }

  /**
   * Outputs for a batch whose gradient {@link #gradient} will compute next; no other training pass may run on this
   * network in between ({@link #output} may).
   */
  public double[][] forwardForTraining(INDArray input) {
    int rows = rows(input);
    return split(stack.forward(input.dup('c').data().asDouble(), rows, true), rows);
  }

  /** As {@link #forwardForTraining(INDArray)} for {@code rows} encoded inputs, row-major. */
  public double[][] forwardForTraining(float[] rowMajor, int rows) {
    return split(forwardForTrainingFlat(rowMajor, rows), rows);
  }

  /** As {@link #forwardForTraining(float[], int)}, the outputs row-major in one array (as {@link #outputFlat}). */
  public double[] forwardForTrainingFlat(float[] rowMajor, int rows) {
    return stack.forward(checkedInputs(rowMajor, rows), rows, true);
  }

  /** The rows of a row-major matrix of {@code rows} rows of this network's outputs. */
  private double[][] split(double[] flat, int rows) {
    int w = outputs();
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = java.util.Arrays.copyOfRange(flat, i * w, (i + 1) * w);
    }
    return m;
  }

  private int rows(INDArray input) {
    if (input.rank() != 2 || input.columns() != sizes[0]) {
      throw new IllegalArgumentException("input of shape " + java.util.Arrays.toString(input.shape())
          + " does not match " + sizes[0] + " input columns");
    }
    return input.rows();
  }

  private float[] checkedInputs(float[] rowMajor, int rows) {
    if (rows <= 0 || rowMajor.length < (long) rows * sizes[0]) {
      throw new IllegalArgumentException(rowMajor.length + " input values do not hold " + rows + " rows of "
          + sizes[0]);
    }
    return rowMajor;
  }

  /**
   * The gradient of the loss w.r.t. the parameters given {@code dOutput} = dLoss/d(output) for each row of the last
   * {@link #forwardForTraining} batch (already divided by the batch size for a mean loss). Not yet applied. It is held
   * in the network's gradient vector, which the next call overwrites (each call returns the same object).
   */
  public Gradient gradient(double[][] dOutput) {
    int w = outputs();
    double[] flat = new double[dOutput.length * w];
    for (int i = 0; i < dOutput.length; i++) {
      if (dOutput[i].length != w) {
        throw new IllegalArgumentException("dOutput row " + i + " has " + dOutput[i].length + " values; expected " + w);
      }
      System.arraycopy(dOutput[i], 0, flat, i * w, w);
    }
    return gradient(flat);
  }

  /** As {@link #gradient(double[][])} for {@code dOutput} row-major in one array (as {@link #outputFlat}). */
  public Gradient gradient(double[] dOutput) {
    stack.backward(dOutput);
    return gradient;
  }

  /** The flattened gradient as doubles, in the parameter order of {@link #parameters()}. */
  public static double[] flat(Gradient gradient) {
    return gradient.gradient().dup('c').data().asDouble();
  }

  /**
   * Clips {@code g} to the global norm (if set), turns it into a step by the optimizer and subtracts it.
   *
   * @return the gradient's global L2 norm before clipping
   */
  public double step(Gradient g) {
    // this network's own gradient goes straight to its vector (DL4J's gradient() makes a new reshaped view each call)
    double norm = optimizer.apply(g == gradient ? net.getGradientsViewArray() : g.gradient(), iteration);
    iteration++;
    return norm;
  }

  /** The parameters, as a live view (writes change the network). */
  public INDArray parameters() {
    return net.params();
  }

  /** Whether every parameter is finite: their sum is NaN or infinite as soon as one of them is. */
  public boolean parametersFinite() {
    return Double.isFinite(net.params().sumNumber().doubleValue());
  }

  /** The number of parameters. */
  public int parameterCount() {
    return (int) net.numParams();
  }

  /** Sets this network's parameters to {@code tau * source + (1 - tau) * this}; tau 1 copies. */
  public void follow(Mlp source, double tau) {
    if (tau >= 1) {
      if (source.dataType != dataType || source.parameterCount() != parameterCount()) {
        throw new IllegalArgumentException(this + " cannot copy the parameters of " + source);
      }
      Pointer.memcpy(net.params().data().addressPointer(), source.net.params().data().addressPointer(),
          (long) parameterCount() * dataType.width());
    } else {
      net.params().muli(1 - tau).addi(source.net.params().mul(tau));
    }
  }

  /** A plain-Java copy of the current parameters. */
  public HostMlp hostCopy() {
    HostMlp host = new HostMlp(layout, activation);
    host.load(parameterFloats());
    return host;
  }

  /** Refreshes {@code host} (made by {@link #hostCopy()}) with the current parameters. */
  public void refresh(HostMlp host) {
    host.load(parameterFloats());
  }

  /** The parameters as floats, in a buffer reused from call to call. */
  private float[] parameterFloats() {
    int n = parameterCount();
    if (hostParameters == null) {
      hostParameters = new float[n];
    }
    if (dataType == DataType.FLOAT) {
      new FloatPointer(net.params().data().addressPointer()).get(hostParameters, 0, n);
    } else {
      double[] d = new double[n];
      new DoublePointer(net.params().data().addressPointer()).get(d, 0, n);
      for (int i = 0; i < n; i++) {
        hostParameters[i] = (float) d[i];
      }
    }
    return hostParameters;
  }

  /** The DL4J network that holds the parameters, for checks against DL4J's own layers. */
  MultiLayerNetwork network() {
    return net;
  }

  /** Writes the parameters, the optimizer's state and the step counter. */
  public void write(DataOutputStream out) throws IOException {
    writeArray(out, net.params());
    out.writeBoolean(optimizer.hasState());
    if (optimizer.hasState()) {
      out.writeInt(2 * parameterCount());
      optimizer.write(out);
    }
    out.writeInt(iteration);
  }

  /** Restores what {@link #write} wrote into a network of the same shape. */
  public void read(DataInputStream in) throws IOException {
    readArray(in, net.params());
    boolean hasState = in.readBoolean();
    if (hasState != optimizer.hasState()) {
      throw new IOException("checkpoint optimizer state does not match " + this);
    }
    if (hasState) {
      int n = in.readInt();
      if (n != 2 * parameterCount()) {
        throw new IOException("checkpoint holds " + n + " optimizer state values where " + this + " has "
            + 2 * parameterCount());
      }
      optimizer.read(in);
    }
    iteration = in.readInt();
  }

  private static void writeArray(DataOutputStream out, INDArray a) throws IOException {
    double[] v = a.dup('c').data().asDouble();
    out.writeInt(v.length);
    for (double x : v) {
      out.writeDouble(x);
    }
  }

  private void readArray(DataInputStream in, INDArray into) throws IOException {
    int n = in.readInt();
    if (n != into.length()) {
      throw new IOException("checkpoint holds " + n + " values where " + this + " has " + into.length());
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readDouble();
    }
    into.assign(Nd4j.create(v, into.shape(), 'c').castTo(into.dataType()));
  }

  @Override
  public String toString() {
    return description;
  }
}
