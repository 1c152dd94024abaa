package org.qprob.agents.config;

/**
 * A convolutional first layer over observations on a grid (rows, columns, channels), such as MinAtar's: square
 * kernels, the same stride along both axes, the hidden activation of {@link NetworkConfig}, then the output grid
 * flattened into the dense layers {@link NetworkConfig#hidden}. MinAtar's own network ({@code examples/dqn.py}) is
 * {@code conv: {filters: 16, kernel: 3, stride: 1, padding: valid}} with {@code hidden: [128]}.
 *
 * @param filters output channels; default 16
 * @param kernel kernel side in cells; default 3
 * @param stride step between kernel positions, along rows and columns; default 1
 * @param padding {@code valid} or {@code same} ({@link ConvPadding}); default {@code valid}
 */
public record ConvConfig(Integer filters, Integer kernel, Integer stride, String padding) {
  /** Valid {@link #padding} values. */
  public static final java.util.List<String> PADDINGS = ConfigKey.keys(ConvPadding.class);

  /** Messages name fields from the record itself ({@code conv.stride}), as the config reader expects of a section. */
  public ConvConfig {
    // absent keys take their defaults
    filters = filters == null ? 16 : filters;
    kernel = kernel == null ? 3 : kernel;
    stride = stride == null ? 1 : stride;
    padding = padding == null ? ConvPadding.VALID.key() : padding;
    ConfigChecks.atLeast("conv.filters", filters, 1);
    ConfigChecks.atLeast("conv.kernel", kernel, 1);
    ConfigChecks.atLeast("conv.stride", stride, 1);
    ConvPadding mode = ConfigKey.of(ConvPadding.class, "conv.padding", padding);
    if (mode == ConvPadding.SAME && kernel % 2 == 0) {
      throw new IllegalArgumentException("conv.padding = \"same\" does not fit conv.kernel = "
          + kernel + "; expected an odd kernel or padding valid");
    }
  }

  /** MinAtar's: 16 filters of 3x3, stride 1, no padding. */
  public static ConvConfig minAtar() {
    return new ConvConfig(16, 3, 1, ConvPadding.VALID.key());
  }

  /** {@link #padding} as its enum. */
  public ConvPadding paddingMode() {
    return ConfigKey.of(ConvPadding.class, "conv.padding", padding);
  }

  /**
   * The output size along an axis of {@code size} cells (PyTorch's floor rule), or one line naming {@code axis} if
   * the kernel does not fit.
   */
  public int outputSize(int size, String axis) {
    int padded = size + 2 * paddingMode().cells(kernel);
    if (kernel > padded) {
      throw new IllegalArgumentException("network.conv.kernel = " + kernel + " does not fit the observation's "
          + size + " " + axis + (padded != size ? " (" + padded + " padded)" : "") + "; expected a kernel of at most "
          + padded);
    }
    return (padded - kernel) / stride + 1;
  }
}
