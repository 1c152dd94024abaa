package org.qprob.envs.classic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Test vectors {@code x, cos(x), sin(x)} as hex doubles, one per line ({@code #} lines are comments). */
record SinCosVectors(double x, double cos, double sin) {

  /** The vectors of a class-path resource such as {@code /acrobot/svml-sincos.csv}. */
  static List<SinCosVectors> read(String resource) {
    List<SinCosVectors> vectors = new ArrayList<>();
    try (InputStream in = SinCosVectors.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",");
        vectors.add(new SinCosVectors(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return vectors;
  }

  /** One line for every vector whose cos or sin the given functions do not return bit for bit. */
  static List<String> mismatches(List<SinCosVectors> vectors, DoubleUnaryOperator cos, DoubleUnaryOperator sin) {
    List<String> wrong = new ArrayList<>();
    for (SinCosVectors v : vectors) {
      double c = cos.applyAsDouble(v.x());
      double s = sin.applyAsDouble(v.x());
      if (Double.doubleToRawLongBits(c) != Double.doubleToRawLongBits(v.cos())) {
        wrong.add("cos(" + Double.toHexString(v.x()) + ") = " + c + ", expected " + v.cos());
      }
      if (Double.doubleToRawLongBits(s) != Double.doubleToRawLongBits(v.sin())) {
        wrong.add("sin(" + Double.toHexString(v.x()) + ") = " + s + ", expected " + v.sin());
      }
    }
    return wrong;
  }
}
