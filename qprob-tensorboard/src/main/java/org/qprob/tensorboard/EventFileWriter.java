package org.qprob.tensorboard;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes one TensorBoard event file, {@code events.out.tfevents.<unix seconds>.<host>}, in a run's directory.
 *
 * <p>Format: TFRecord framing ({@link TfRecord}: length, masked CRC32C of the length, data, masked CRC32C of the
 * data) around serialized {@code Event} messages of {@code tensorboard/compat/proto/event.proto}. The first record
 * is the header {@code Event{wall_time, file_version: "brain.Event:2"}}. Then:
 * <ul>
 *   <li>{@link #scalar}: {@code Summary.Value{tag, simple_value}} (a float), which TensorBoard shows as a scalar;</li>
 *   <li>{@link #text}: as {@code tensorboard/plugins/text/summary_v2.py} writes it, {@code Value{tag, tensor:
 *       {dtype: DT_STRING, tensor_shape: {}, string_val: [markdown]}, metadata.plugin_data: {plugin_name: "text",
 *       content: TextPluginData{version: 0}}}};</li>
 *   <li>{@link #hyperParameters} and {@link #sessionEnd}: as {@code tensorboard/plugins/hparams/summary.py} writes
 *       them, at step 0, tags {@code _hparams_/experiment}, {@code _hparams_/session_start_info} and
 *       {@code _hparams_/session_end_info}, {@code plugin_name: "hparams"}, content a serialized
 *       {@code HParamsPluginData{version: 0, ...}} ({@code plugin_data.proto}, {@code api.proto}) and the plugin's
 *       null tensor ({@code DT_FLOAT}, shape {@code [0]}).</li>
 * </ul>
 * The protocol buffers are encoded field by field with protobuf-java's {@code CodedOutputStream}.
 *
 * <h2>Resume</h2>
 * {@link #resume} continues the run's file after a kill so that it holds each step once, as an uninterrupted run's
 * file does. The rule: read the directory's one event file up to its first truncated or damaged record (a kill can
 * cut the last one; everything after it is dropped); keep, in their order, the header, every
 * {@code _hparams_/experiment} and {@code _hparams_/session_start_info} record, and every other record whose step is
 * at most {@code lastStep}, except {@code _hparams_/session_end_info} records (the session goes on); write these
 * records to a temporary file in the directory, force it to disk and move it over the event file atomically; then
 * append to it. The resumed writer refuses steps at or before {@code lastStep}, so the caller logs from
 * {@code lastStep + 1}: {@code lastStep} is the last step whose effects the checkpoint holds.
 *
 * <p>Writes are buffered; {@link #flush} hands them to the operating system (which keeps them through a kill of the
 * process). Not thread-safe.
 */
public final class EventFileWriter implements Closeable {
  /** The {@code file_version} of the header event. */
  public static final String FILE_VERSION = "brain.Event:2";
  /** How an event file's name starts. */
  public static final String FILE_PREFIX = "events.out.tfevents.";
  /** The HParams plugin's tags. */
  public static final String EXPERIMENT_TAG = "_hparams_/experiment";
  public static final String SESSION_START_TAG = "_hparams_/session_start_info";
  public static final String SESSION_END_TAG = "_hparams_/session_end_info";

  private static final String TEXT_PLUGIN = "text";
  private static final String HPARAMS_PLUGIN = "hparams";

  private final Path file;
  private final Clock clock;
  private final long firstStep;
  private final OutputStream out;
  private boolean hasHyperParameters;
  private boolean closed;

  private EventFileWriter(Path file, Clock clock, long firstStep, OutputStream out, boolean hasHyperParameters) {
    this.file = file;
    this.clock = clock;
    this.firstStep = firstStep;
    this.out = out;
    this.hasHyperParameters = hasHyperParameters;
  }

  /** A new event file in {@code dir} (created if missing), timed by the system clock, named after this host. */
  public static EventFileWriter create(Path dir) throws IOException {
    return create(dir, Clock.systemUTC(), localHost());
  }

  /** A new event file {@code events.out.tfevents.<clock seconds>.<host>} in {@code dir}; fails if it exists. */
  public static EventFileWriter create(Path dir, Clock clock, String host) throws IOException {
    Files.createDirectories(dir);
    Instant start = clock.instant();
    Path file = dir.resolve(FILE_PREFIX + start.getEpochSecond() + "." + checkHost(host));
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE));
    EventFileWriter writer = new EventFileWriter(file, clock, 0, out, false);
    writer.writeHeader(start);
    return writer;
  }

  /** {@link #resume(Path, long, Clock, String)} with the system clock and this host's name. */
  public static EventFileWriter resume(Path dir, long lastStep) throws IOException {
    return resume(dir, lastStep, Clock.systemUTC(), localHost());
  }

  /**
   * Continues the event file in {@code dir} after a resume from a checkpoint of step {@code lastStep}, by the rule
   * of the class comment; creates a new file (with {@code clock} and {@code host}) when {@code dir} holds none.
   */
  public static EventFileWriter resume(Path dir, long lastStep, Clock clock, String host) throws IOException {
    if (lastStep < 0) {
      throw new IllegalArgumentException("last step " + lastStep + " is negative");
    }
    Optional<Path> existing = find(dir);
    if (existing.isEmpty()) {
      EventFileWriter created = create(dir, clock, host);
      return new EventFileWriter(created.file, clock, lastStep + 1, created.out, false);
    }
    Path file = existing.get();
    List<EventRecord> records = EventFileReader.readIntact(file).records();
    if (!records.isEmpty() && !records.get(0).event().isHeader()) {
      throw new IllegalStateException(file + " is not an event file: its first record has no file_version");
    }
    List<EventRecord> kept = records.stream().filter(r -> keptOnResume(r, lastStep)).toList();
    Path temporary = dir.resolve("." + file.getFileName() + ".resume");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      OutputStream stream = Channels.newOutputStream(channel);
      OutputStream buffered = new BufferedOutputStream(stream);
      for (EventRecord record : kept) {
        TfRecord.write(buffered, record.data().toByteArray());
      }
      buffered.flush();
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    boolean hasHyperParameters = kept.stream().anyMatch(r -> r.event().hasTag(SESSION_START_TAG));
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND));
    EventFileWriter writer = new EventFileWriter(file, clock, lastStep + 1, out, hasHyperParameters);
    if (kept.isEmpty()) {
      writer.writeHeader(clock.instant());
    }
    return writer;
  }

  /** The one event file in {@code dir}, if any; fails when there are several (which one to continue?). */
  public static Optional<Path> find(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().startsWith(FILE_PREFIX)).sorted().toList();
    }
    if (files.size() > 1) {
      throw new IllegalStateException(dir + " holds " + files.size() + " event files, expected at most one: "
          + files.stream().map(p -> p.getFileName().toString()).toList());
    }
    return files.stream().findFirst();
  }

  private static boolean keptOnResume(EventRecord record, long lastStep) {
    Event event = record.event();
    if (event.hasTag(SESSION_END_TAG)) {
      return false;
    }
    return event.isHeader() || event.hasTag(EXPERIMENT_TAG) || event.hasTag(SESSION_START_TAG)
        || event.step() <= lastStep;
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** Whether the file holds the run's hyper-parameters (written here or kept on resume). */
  public boolean hasHyperParameters() {
    return hasHyperParameters;
  }

  /** Appends {@code value} (stored as a float, as TensorBoard's {@code simple_value}) of series {@code tag}. */
  public EventFileWriter scalar(String tag, long step, double value) throws IOException {
    ProtoMessage summaryValue = new ProtoMessage()
        .stringFieldAlways(Fields.VALUE_TAG, checkTag(tag))
        .floatField(Fields.VALUE_SIMPLE_VALUE, (float) value);
    return writeSummary(checkStep(step), summaryValue);
  }

  /** Appends {@code markdown} to the text series {@code tag} (TensorBoard's Text tab renders Markdown). */
  public EventFileWriter text(String tag, long step, String markdown) throws IOException {
    if (markdown == null) {
      throw new IllegalArgumentException("text of '" + tag + "' is null");
    }
    ProtoMessage tensor = new ProtoMessage()
        .int32Field(Fields.TENSOR_DTYPE, Fields.DT_STRING)
        .messageField(Fields.TENSOR_SHAPE, new ProtoMessage())
        .bytesField(Fields.TENSOR_STRING_VAL, markdown.getBytes(StandardCharsets.UTF_8));
    ProtoMessage summaryValue = new ProtoMessage()
        .stringFieldAlways(Fields.VALUE_TAG, checkTag(tag))
        .messageField(Fields.VALUE_METADATA, pluginMetadata(TEXT_PLUGIN, new byte[0]))
        .messageField(Fields.VALUE_TENSOR, tensor);
    return writeSummary(checkStep(step), summaryValue);
  }

  /**
   * Appends the HParams plugin's experiment (the hyper-parameters' names and types, the metric tags) and session
   * start (the values, the group, the clock's time) at step 0; once per file.
   */
  public EventFileWriter hyperParameters(HyperParameters hparams) throws IOException {
    if (hasHyperParameters) {
      throw new IllegalStateException(file + " already holds hyper-parameters");
    }
    double now = seconds(clock.instant());
    ProtoMessage experiment = new ProtoMessage().doubleField(Fields.EXPERIMENT_TIME_CREATED_SECS, now);
    ProtoMessage start = new ProtoMessage();
    for (Map.Entry<String, Object> entry : hparams.values().entrySet()) {
      experiment.messageField(Fields.EXPERIMENT_HPARAM_INFOS, new ProtoMessage()
          .stringField(Fields.HPARAM_INFO_NAME, entry.getKey())
          .int32Field(Fields.HPARAM_INFO_TYPE, hparamType(entry.getValue())));
      start.messageField(Fields.START_HPARAMS, new ProtoMessage()
          .stringFieldAlways(Fields.MAP_KEY, entry.getKey())
          .bytesField(Fields.MAP_VALUE, structValue(entry.getValue())));
    }
    for (String tag : hparams.metricTags()) {
      experiment.messageField(Fields.EXPERIMENT_METRIC_INFOS, new ProtoMessage()
          .messageField(Fields.METRIC_INFO_NAME, new ProtoMessage().stringField(Fields.METRIC_NAME_TAG, tag)));
    }
    start.stringField(Fields.START_GROUP_NAME, hparams.groupName())
        .doubleField(Fields.START_TIME_SECS, now);
    writeHParams(EXPERIMENT_TAG, Fields.HPARAMS_EXPERIMENT, experiment);
    writeHParams(SESSION_START_TAG, Fields.HPARAMS_SESSION_START_INFO, start);
    hasHyperParameters = true;
    return this;
  }

  /** Appends the HParams plugin's session end ({@code status}, the clock's time) at step 0. */
  public EventFileWriter sessionEnd(SessionStatus status) throws IOException {
    ProtoMessage end = new ProtoMessage()
        .int32Field(Fields.END_STATUS, status.protoNumber())
        .doubleField(Fields.END_TIME_SECS, seconds(clock.instant()));
    return writeHParams(SESSION_END_TAG, Fields.HPARAMS_SESSION_END_INFO, end);
  }

  /** Hands buffered records to the operating system. */
  public void flush() throws IOException {
    checkOpen();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }

  private EventFileWriter writeHParams(String tag, int dataField, ProtoMessage data) throws IOException {
    // HParamsPluginData{version: 0 (the default, so absent), <data>}
    byte[] content = new ProtoMessage()
        .int32Field(Fields.HPARAMS_VERSION, 0)
        .messageField(dataField, data)
        .toByteArray();
    ProtoMessage nullTensor = new ProtoMessage()
        .int32Field(Fields.TENSOR_DTYPE, Fields.DT_FLOAT)
        .messageField(Fields.TENSOR_SHAPE, new ProtoMessage()
            .messageField(Fields.SHAPE_DIM, new ProtoMessage().int64Field(Fields.DIM_SIZE, 0)));
    ProtoMessage summaryValue = new ProtoMessage()
        .stringFieldAlways(Fields.VALUE_TAG, tag)
        .messageField(Fields.VALUE_METADATA, pluginMetadata(HPARAMS_PLUGIN, content))
        .messageField(Fields.VALUE_TENSOR, nullTensor);
    return writeSummary(0, summaryValue);
  }

  private static ProtoMessage pluginMetadata(String pluginName, byte[] content) {
    ProtoMessage pluginData = new ProtoMessage().stringField(Fields.PLUGIN_DATA_PLUGIN_NAME, pluginName);
    if (content.length > 0) {
      pluginData.bytesField(Fields.PLUGIN_DATA_CONTENT, content);
    }
    return new ProtoMessage().messageField(Fields.METADATA_PLUGIN_DATA, pluginData);
  }

  private EventFileWriter writeSummary(long step, ProtoMessage summaryValue) throws IOException {
    ProtoMessage summary = new ProtoMessage().messageField(Fields.SUMMARY_VALUE, summaryValue);
    ProtoMessage event = new ProtoMessage()
        .doubleField(Fields.EVENT_WALL_TIME, seconds(clock.instant()))
        .int64Field(Fields.EVENT_STEP, step)
        .messageField(Fields.EVENT_SUMMARY, summary);
    return writeRecord(event);
  }

  private void writeHeader(Instant time) throws IOException {
    writeRecord(new ProtoMessage()
        .doubleField(Fields.EVENT_WALL_TIME, seconds(time))
        .stringField(Fields.EVENT_FILE_VERSION, FILE_VERSION));
    out.flush();
  }

  private EventFileWriter writeRecord(ProtoMessage event) throws IOException {
    checkOpen();
    TfRecord.write(out, event.toByteArray());
    return this;
  }

  private static int hparamType(Object value) {
    if (value instanceof Boolean) {
      return Fields.HPARAM_TYPE_BOOL;
    }
    return value instanceof Number ? Fields.HPARAM_TYPE_FLOAT64 : Fields.HPARAM_TYPE_STRING;
  }

  /** A {@code google.protobuf.Value}, built with protobuf-java's own well-known type. */
  private static byte[] structValue(Object value) {
    com.google.protobuf.Value.Builder builder = com.google.protobuf.Value.newBuilder();
    if (value instanceof Boolean b) {
      builder.setBoolValue(b);
    } else if (value instanceof Number n) {
      builder.setNumberValue(n.doubleValue());
    } else {
      builder.setStringValue((String) value);
    }
    return builder.build().toByteArray();
  }

  private long checkStep(long step) {
    if (step < firstStep) {
      throw new IllegalArgumentException(step < 0 ? "step " + step + " is negative"
          : "step " + step + " is at or before the resumed step " + (firstStep - 1) + ", which "
          + file.getFileName() + " already holds");
    }
    return step;
  }

  private static String checkTag(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException("a summary tag is blank");
    }
    return tag;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the writer of " + file + " is closed");
    }
  }

  private static String checkHost(String host) {
    if (host == null || host.isBlank() || host.contains("/") || host.contains("\\")) {
      throw new IllegalArgumentException("host name '" + host + "' cannot end an event file's name");
    }
    return host;
  }

  private static double seconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
