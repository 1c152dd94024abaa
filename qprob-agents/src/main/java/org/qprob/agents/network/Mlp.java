package org.qprob.agents.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OptimizerConfig;

/**
 * A multilayer perceptron on DL4J trained by external errors: the caller runs a batch forward
 * ({@link #forwardForTraining}), computes dLoss/dOutput itself, and hands it back ({@link #gradient}); the gradient is
 * then clipped by its global norm and applied by the network's own updater (Adam or SGD) in {@link #step}. The last
 * layer is a linear {@code DenseLayer}. Initial weights come from the caller's generator, not from ND4J's.
 */
public final class Mlp {
  private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

  private final MultiLayerNetwork net;
  private final int[] sizes;
  private final Activations activation;
  private final DataType dataType;
  private final double gradClipNorm;
  private final String description;
  private int iteration;

  private Mlp(MultiLayerNetwork net, int[] sizes, Activations activation, DataType dataType, double gradClipNorm,
      String description) {
    this.net = net;
    this.sizes = sizes;
    this.activation = activation;
    this.dataType = dataType;
    this.gradClipNorm = gradClipNorm;
    this.description = description;
  }

  /**
   * A new network with initial weights drawn from {@code rng}.
   *
   * @param config hidden sizes, activation and initialisation
   * @param inputs input width
   * @param outputs output width
   * @param optimizer the updater's kind and constants (its clip and learning rate are overridden by the arguments)
   * @param learningRate the step size
   * @param gradClipNorm global-norm clip, 0 = off
   * @param dataType FLOAT for training, DOUBLE for gradient checks
   * @param rng where the initial weights come from
   */
  public static Mlp create(NetworkConfig config, int inputs, int outputs, OptimizerConfig optimizer,
      double learningRate, double gradClipNorm, DataType dataType, RandomGenerator rng) {
    Activations act = Activations.byName(config.activation());
    List<Integer> hidden = config.hidden();
    int[] sizes = new int[hidden.size() + 2];
    sizes[0] = inputs;
    for (int i = 0; i < hidden.size(); i++) {
      sizes[i + 1] = hidden.get(i);
    }
    sizes[sizes.length - 1] = outputs;
    IUpdater updater = switch (optimizer.name()) {
      case "adam" -> new Adam(learningRate, optimizer.beta1(), optimizer.beta2(), optimizer.epsilon());
      case "sgd" -> new Sgd(learningRate);
      default -> throw new IllegalArgumentException("optimizer.name = \"" + optimizer.name() + "\" is invalid; expected one of "
          + OptimizerConfig.NAMES);
    };
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
        .dataType(dataType)
        .updater(updater)
        .miniBatch(false)
        .trainingWorkspaceMode(WorkspaceMode.NONE)
        .inferenceWorkspaceMode(WorkspaceMode.NONE)
        .list();
    for (int l = 0; l < sizes.length - 1; l++) {
      boolean last = l == sizes.length - 2;
      list.layer(new DenseLayer.Builder().nIn(sizes[l]).nOut(sizes[l + 1])
          .activation(last ? Activation.IDENTITY : act.dl4j).build());
    }
    MultiLayerConfiguration conf = list.build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    Mlp mlp = new Mlp(net, sizes, act, dataType, gradClipNorm,
        "Mlp(" + java.util.Arrays.toString(sizes) + ", " + config.activation() + ", " + config.weightInit() + ", "
            + optimizer.name() + " lr=" + learningRate + ", clip=" + gradClipNorm + ", " + dataType + ")");
    mlp.initialise(config.weightInit(), rng);
    return mlp;
  }

  private void initialise(String scheme, RandomGenerator rng) {
    double[] flat = new double[(int) net.numParams()];
    int off = 0;
    for (int l = 0; l < sizes.length - 1; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double wBound;
      double bBound;
      switch (scheme) {
        case "torch-default" -> {
          wBound = 1 / Math.sqrt(in);
          bBound = wBound;
        }
        case "xavier-uniform" -> {
          wBound = Math.sqrt(6.0 / (in + out));
          bBound = 0;
        }
        case "he-uniform" -> {
          wBound = Math.sqrt(6.0 / in);
          bBound = 0;
        }
        default -> throw new IllegalArgumentException("network.weightInit = \"" + scheme + "\" is invalid; expected one of "
            + NetworkConfig.WEIGHT_INITS);
      }
      for (int k = 0; k < in * out; k++) {
        flat[off++] = (2 * rng.nextDouble() - 1) * wBound;
      }
      for (int k = 0; k < out; k++) {
        flat[off++] = bBound == 0 ? 0 : (2 * rng.nextDouble() - 1) * bBound;
      }
    }
    net.params().assign(Nd4j.create(flat, new long[] {1, flat.length}, 'c').castTo(dataType));
  }

  /** Layer widths, input first. */
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
    return rows(net.output(input, false));
  }

  /**
   * Outputs for a batch whose gradient {@link #gradient} will compute next; nothing else may run on this network in
   * between.
   */
  public double[][] forwardForTraining(INDArray input) {
    net.setInput(input);
    List<INDArray> activations = net.feedForward(true, false);
    return rows(activations.get(activations.size() - 1));
  }

  /**
   * The gradient of the loss w.r.t. the parameters given {@code dOutput} = dLoss/d(output) for each row of the last
   * {@link #forwardForTraining} batch (already divided by the batch size for a mean loss). Not yet applied.
   */
  public Gradient gradient(double[][] dOutput) {
    int r = dOutput.length;
    int c = dOutput[0].length;
    INDArray eps;
    if (dataType == DataType.FLOAT) {
      float[] flat = new float[r * c];
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          flat[i * c + j] = (float) dOutput[i][j];
        }
      }
      eps = Nd4j.create(flat, new long[] {r, c}, 'c');
    } else {
      double[] flat = new double[r * c];
      for (int i = 0; i < r; i++) {
        System.arraycopy(dOutput[i], 0, flat, i * c, c);
      }
      eps = Nd4j.create(flat, new long[] {r, c}, 'c').castTo(dataType);
    }
    Pair<Gradient, INDArray> p = net.backpropGradient(eps, NO_WORKSPACES);
    return p.getFirst();
  }

  /** The flattened gradient as doubles, in the parameter order of {@link #parameters()}. */
  public static double[] flat(Gradient gradient) {
    return gradient.gradient().dup('c').data().asDouble();
  }

  /**
   * Clips {@code gradient} to the global norm (if set), lets the updater turn it into a step and subtracts it.
   *
   * @return the gradient's global L2 norm before clipping
   */
  public double step(Gradient gradient) {
    INDArray g = gradient.gradient();
    double norm = g.norm2Number().doubleValue();
    if (gradClipNorm > 0) {
      double coefficient = gradClipNorm / (norm + 1e-6);
      if (coefficient < 1) {
        g.muli(coefficient);
      }
    }
    net.getUpdater().update(net, gradient, iteration, 0, 1, NO_WORKSPACES);
    net.params().subi(gradient.gradient());
    iteration++;
    return norm;
  }

  /** The parameters, as a live view (writes change the network). */
  public INDArray parameters() {
    return net.params();
  }

  /** The number of parameters. */
  public int parameterCount() {
    return (int) net.numParams();
  }

  /** Sets this network's parameters to {@code tau * source + (1 - tau) * this}; tau 1 copies. */
  public void follow(Mlp source, double tau) {
    if (tau >= 1) {
      net.params().assign(source.net.params());
    } else {
      net.params().muli(1 - tau).addi(source.net.params().mul(tau));
    }
  }

  /** A plain-Java copy of the current parameters. */
  public HostMlp hostCopy() {
    HostMlp host = new HostMlp(sizes, activation);
    host.load(parameterFloats());
    return host;
  }

  /** Refreshes {@code host} (made by {@link #hostCopy()}) with the current parameters. */
  public void refresh(HostMlp host) {
    host.load(parameterFloats());
  }

  private float[] parameterFloats() {
    return net.params().dup('c').data().asFloat();
  }

  /** A matrix as rows of doubles, by one bulk copy (element-wise reads through ND4J cost ~10 µs each). */
  private static double[][] rows(INDArray a) {
    int r = a.rows();
    int c = a.columns();
    double[] flat = a.dup('c').data().asDouble();
    double[][] out = new double[r][c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(flat, i * c, out[i], 0, c);
    }
    return out;
  }

  /** Writes the parameters, the updater's state and the step counter. */
  public void write(DataOutputStream out) throws IOException {
    writeArray(out, net.params());
    INDArray state = net.getUpdater().getStateViewArray();
    out.writeBoolean(state != null);
    if (state != null) {
      writeArray(out, state);
    }
    out.writeInt(iteration);
  }

  /** Restores what {@link #write} wrote into a network of the same shape. */
  public void read(DataInputStream in) throws IOException {
    readArray(in, net.params());
    boolean hasState = in.readBoolean();
    INDArray state = net.getUpdater().getStateViewArray();
    if (hasState != (state != null)) {
      throw new IOException("checkpoint updater state does not match " + this);
    }
    if (hasState) {
      readArray(in, state);
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
