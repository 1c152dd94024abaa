package org.qprob.tensorboard;

import com.google.protobuf.ByteString;
import java.util.List;

/**
 * The parts of a {@code TensorProto} this package reads.
 *
 * @param dtype        the {@code DataType} number (1 {@code DT_FLOAT}, 7 {@code DT_STRING}, ...)
 * @param shape        the dimension sizes; empty for a scalar
 * @param stringValues {@code string_val}, in order
 * @param floatValues  {@code float_val}, in order
 * @param content      {@code tensor_content}, the packed little-endian values; empty when absent
 */
public record Tensor(int dtype, List<Long> shape, List<ByteString> stringValues, List<Float> floatValues,
           ByteString content) {
  public Tensor {
    shape = List.copyOf(shape);
    stringValues = List.copyOf(stringValues);
    floatValues = List.copyOf(floatValues);
  }
}
