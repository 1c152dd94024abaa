package org.qprob.tensorboard;

import com.google.protobuf.ByteString;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One {@code Summary.Value} of an event as read back.
 *
 * @param tag           the series' tag
 * @param simpleValue   {@code simple_value} (a float, widened) when set
 * @param pluginName    {@code metadata.plugin_data.plugin_name}; empty when there is no plugin data
 * @param pluginContent {@code metadata.plugin_data.content}; empty when absent
 * @param tensor        {@code tensor} when set
 */
public record SummaryValue(String tag, OptionalDouble simpleValue, String pluginName, ByteString pluginContent,
              Optional<Tensor> tensor) {
  public SummaryValue {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(simpleValue, "simpleValue");
    Objects.requireNonNull(pluginName, "pluginName");
    Objects.requireNonNull(pluginContent, "pluginContent");
    Objects.requireNonNull(tensor, "tensor");
  }

  /** The text of a text-plugin value: the first {@code string_val} of its tensor, as UTF-8. */
  public String text() {
    return tensor.filter(t -> !t.stringValues().isEmpty())
        .map(t -> t.stringValues().get(0).toStringUtf8())
        .orElseThrow(() -> new IllegalStateException("value '" + tag + "' holds no string tensor"));
  }
}
