package org.qprob.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An {@code Event} ({@code tensorboard/compat/proto/event.proto}) as read back: the fields this package writes.
 * Other fields are skipped.
 *
 * @param wallTime    seconds since the epoch
 * @param step        the global step
 * @param fileVersion {@code file_version} ({@code "brain.Event:2"} in a file's first event); empty otherwise
 * @param values      the summary's values, in order; empty when the event holds no summary
 */
public record Event(double wallTime, long step, String fileVersion, List<SummaryValue> values) {
  public Event {
    Objects.requireNonNull(fileVersion, "fileVersion");
    values = List.copyOf(values);
  }

  /** The same event with another wall time (to compare runs whose clocks differ). */
  public Event withWallTime(double seconds) {
    return new Event(seconds, step, fileVersion, values);
  }

  /** Whether this is a file's header event. */
  public boolean isHeader() {
    return !fileVersion.isEmpty();
  }

  /** Whether one of the values has {@code tag}. */
  public boolean hasTag(String tag) {
    return values.stream().anyMatch(v -> v.tag().equals(tag));
  }

  /** Decodes a serialized {@code Event}. */
  public static Event parse(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    double wallTime = 0;
    long step = 0;
    String fileVersion = "";
    List<SummaryValue> values = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case Fields.EVENT_WALL_TIME -> wallTime = in.readDouble();
        case Fields.EVENT_STEP -> step = in.readInt64();
        case Fields.EVENT_FILE_VERSION -> fileVersion = in.readStringRequireUtf8();
        case Fields.EVENT_SUMMARY -> values.addAll(parseSummary(in.readBytes()));
        default -> in.skipField(tag);
      }
    }
    return new Event(wallTime, step, fileVersion, values);
  }

  private static List<SummaryValue> parseSummary(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    List<SummaryValue> values = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == Fields.SUMMARY_VALUE) {
        values.add(parseValue(in.readBytes()));
      } else {
        in.skipField(tag);
      }
    }
    return values;
  }

  private static SummaryValue parseValue(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    String valueTag = "";
    OptionalDouble simple = OptionalDouble.empty();
    String pluginName = "";
    ByteString content = ByteString.EMPTY;
    Optional<Tensor> tensor = Optional.empty();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case Fields.VALUE_TAG -> valueTag = in.readStringRequireUtf8();
        case Fields.VALUE_SIMPLE_VALUE -> simple = OptionalDouble.of(in.readFloat());
        case Fields.VALUE_TENSOR -> tensor = Optional.of(parseTensor(in.readBytes()));
        case Fields.VALUE_METADATA -> {
          ByteString pluginData = field(in.readBytes(), Fields.METADATA_PLUGIN_DATA);
          pluginName = field(pluginData, Fields.PLUGIN_DATA_PLUGIN_NAME).toStringUtf8();
          content = field(pluginData, Fields.PLUGIN_DATA_CONTENT);
        }
        default -> in.skipField(tag);
      }
    }
    return new SummaryValue(valueTag, simple, pluginName, content, tensor);
  }

  private static Tensor parseTensor(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    int dtype = 0;
    List<Long> shape = new ArrayList<>();
    List<ByteString> strings = new ArrayList<>();
    List<Float> floats = new ArrayList<>();
    ByteString content = ByteString.EMPTY;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      int wireType = WireFormat.getTagWireType(tag);
      if (field == Fields.TENSOR_DTYPE) {
        dtype = in.readEnum();
      } else if (field == Fields.TENSOR_SHAPE) {
        shape.addAll(parseShape(in.readBytes()));
      } else if (field == Fields.TENSOR_CONTENT) {
        content = in.readBytes();
      } else if (field == Fields.TENSOR_STRING_VAL) {
        strings.add(in.readBytes());
      } else if (field == Fields.TENSOR_FLOAT_VAL && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        CodedInputStream packed = in.readBytes().newCodedInput();
        while (!packed.isAtEnd()) {
          floats.add(packed.readFloat());
        }
      } else if (field == Fields.TENSOR_FLOAT_VAL) {
        floats.add(in.readFloat());
      } else {
        in.skipField(tag);
      }
    }
    return new Tensor(dtype, shape, strings, floats, content);
  }

  private static List<Long> parseShape(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    List<Long> dims = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == Fields.SHAPE_DIM) {
        CodedInputStream dim = in.readBytes().newCodedInput();
        long size = 0;
        for (int dimTag = dim.readTag(); dimTag != 0; dimTag = dim.readTag()) {
          if (WireFormat.getTagFieldNumber(dimTag) == Fields.DIM_SIZE) {
            size = dim.readInt64();
          } else {
            dim.skipField(dimTag);
          }
        }
        dims.add(size);
      } else {
        in.skipField(tag);
      }
    }
    return dims;
  }

  /** The last occurrence of a length-delimited field of a message, or empty bytes. */
  private static ByteString field(ByteString message, int number) throws IOException {
    CodedInputStream in = message.newCodedInput();
    ByteString found = ByteString.EMPTY;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == number
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        found = in.readBytes();
      } else {
        in.skipField(tag);
      }
    }
    return found;
  }
}
