package org.qprob.tensorboard;

/**
 * Field numbers of the messages written and read here, from TensorBoard's copies of the protos
 * ({@code tensorboard/compat/proto/event.proto}, {@code summary.proto}, {@code tensor.proto},
 * {@code tensor_shape.proto}, {@code types.proto}; {@code tensorboard/plugins/hparams/plugin_data.proto},
 * {@code api.proto}).
 */
final class Fields {
  private Fields() {
  }

  /** {@code Event}. */
  static final int EVENT_WALL_TIME = 1;
  static final int EVENT_STEP = 2;
  static final int EVENT_FILE_VERSION = 3;
  static final int EVENT_SUMMARY = 5;

  /** {@code Summary}: {@code repeated Value value = 1}. */
  static final int SUMMARY_VALUE = 1;

  /** {@code Summary.Value}. */
  static final int VALUE_TAG = 1;
  static final int VALUE_SIMPLE_VALUE = 2;
  static final int VALUE_TENSOR = 8;
  static final int VALUE_METADATA = 9;

  /** {@code SummaryMetadata} and its {@code PluginData}. */
  static final int METADATA_PLUGIN_DATA = 1;
  static final int PLUGIN_DATA_PLUGIN_NAME = 1;
  static final int PLUGIN_DATA_CONTENT = 2;

  /** {@code TensorProto}. */
  static final int TENSOR_DTYPE = 1;
  static final int TENSOR_SHAPE = 2;
  static final int TENSOR_CONTENT = 4;
  static final int TENSOR_FLOAT_VAL = 5;
  static final int TENSOR_STRING_VAL = 8;

  /** {@code TensorShapeProto} ({@code repeated Dim dim = 2}) and {@code Dim} ({@code int64 size = 1}). */
  static final int SHAPE_DIM = 2;
  static final int DIM_SIZE = 1;

  /** {@code DataType} values. */
  static final int DT_FLOAT = 1;
  static final int DT_STRING = 7;

  /** {@code HParamsPluginData}. */
  static final int HPARAMS_VERSION = 1;
  static final int HPARAMS_EXPERIMENT = 2;
  static final int HPARAMS_SESSION_START_INFO = 3;
  static final int HPARAMS_SESSION_END_INFO = 4;

  /** {@code SessionStartInfo}: {@code map<string, google.protobuf.Value> hparams = 1}, and a map entry's key/value. */
  static final int START_HPARAMS = 1;
  static final int START_GROUP_NAME = 4;
  static final int START_TIME_SECS = 5;
  static final int MAP_KEY = 1;
  static final int MAP_VALUE = 2;

  /** {@code SessionEndInfo}. */
  static final int END_STATUS = 1;
  static final int END_TIME_SECS = 2;

  /** {@code Experiment}. */
  static final int EXPERIMENT_TIME_CREATED_SECS = 3;
  static final int EXPERIMENT_HPARAM_INFOS = 4;
  static final int EXPERIMENT_METRIC_INFOS = 5;

  /** {@code HParamInfo}: name and {@code DataType type = 4} (1 string, 2 bool, 3 float64). */
  static final int HPARAM_INFO_NAME = 1;
  static final int HPARAM_INFO_TYPE = 4;
  static final int HPARAM_TYPE_STRING = 1;
  static final int HPARAM_TYPE_BOOL = 2;
  static final int HPARAM_TYPE_FLOAT64 = 3;

  /** {@code MetricInfo}: {@code MetricName name = 1}; {@code MetricName}: group = 1, tag = 2. */
  static final int METRIC_INFO_NAME = 1;
  static final int METRIC_NAME_TAG = 2;
}
