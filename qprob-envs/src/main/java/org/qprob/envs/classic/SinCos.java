package org.qprob.envs.classic;

import java.util.Arrays;
import java.util.List;
import org.qprob.api.Options;

/**
 * Where the float64 sine and cosine of CartPole and Acrobot come from (option {@code sin_cos}). Gymnasium calls
 * {@code numpy.sin}/{@code numpy.cos} there, and their last bit depends on the NumPy release and the CPU; Acrobot's
 * chaotic dynamics carry such a bit into the float32 observation after a few hundred steps in some episodes.
 */
enum SinCos {
  /** {@code svml}, the default: NumPy 1.22–1.24 on a CPU with AVX-512, as the golden traces were recorded. */
  SVML("svml") {
    @Override
    double sin(double x) {
      return SvmlSinCos.sin(x);
    }

    @Override
    double cos(double x) {
      return SvmlSinCos.cos(x);
    }
  },
  /** {@code correctly-rounded}: what NumPy 1.25 and later give through glibc, on every recorded step. */
  CORRECTLY_ROUNDED("correctly-rounded") {
    @Override
    double sin(double x) {
      return CorrectlyRoundedSinCos.sin(x);
    }

    @Override
    double cos(double x) {
      return CorrectlyRoundedSinCos.cos(x);
    }
  };

  /** The option values, in declaration order. */
  static final List<String> NAMES = Arrays.stream(values()).map(SinCos::optionName).toList();

  private final String optionName;

  SinCos(String optionName) {
    this.optionName = optionName;
  }

  abstract double sin(double x);

  abstract double cos(double x);

  /** The value of option {@code sin_cos} that selects it. */
  String optionName() {
    return optionName;
  }

  /** The choice named by option {@code sin_cos} of {@code options}, {@code svml} by default. */
  static SinCos of(Options options) {
    return values()[NAMES.indexOf(options.getChoice("sin_cos", SVML.optionName, NAMES))];
  }
}
