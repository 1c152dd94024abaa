package org.qprob.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a result was computed on: Java, the operating system, the cores and heap, the environment variables that
 * decide the native libraries' speed, and the versions of the libraries on the class path.
 *
 * @param java Java's version, vendor and VM
 * @param os the operating system's name, version and architecture
 * @param cores available processors
 * @param maxHeapBytes the JVM's maximum heap
 * @param variables {@code OMP_NUM_THREADS} and {@code OPENBLAS_CORETYPE} as set (absent if unset)
 * @param libraries artifact to version, for qprob's modules and the libraries results depend on
 */
public record Platform(Map<String, String> java, Map<String, String> os, int cores, long maxHeapBytes,
    Map<String, String> variables, Map<String, String> libraries) {

  private static final List<String> ARTIFACTS = List.of(
      "org.qprob:qprob-api", "org.qprob:qprob-losses", "org.qprob:qprob-envs", "org.qprob:qprob-agents",
      "org.qprob:qprob-experiments", "org.deeplearning4j:deeplearning4j-nn", "org.nd4j:nd4j-api",
      "org.nd4j:nd4j-native", "org.bytedeco:javacpp", "org.bytedeco:openblas", "com.google.inject:guice",
      "com.fasterxml.jackson.core:jackson-databind", "org.apache.commons:commons-math3", "info.picocli:picocli",
      "org.knowm.xchart:xchart");

  /** The platform this process runs on. */
  public static Platform current() {
    Map<String, String> java = new LinkedHashMap<>();
    java.put("version", System.getProperty("java.version"));
    java.put("vendor", System.getProperty("java.vendor"));
    java.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    Map<String, String> os = new LinkedHashMap<>();
    os.put("name", System.getProperty("os.name"));
    os.put("version", System.getProperty("os.version"));
    os.put("arch", System.getProperty("os.arch"));
    Map<String, String> variables = new LinkedHashMap<>();
    for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_CORETYPE")) {
      String value = System.getenv(v);
      if (value != null) {
        variables.put(v, value);
      }
    }
    Map<String, String> libraries = new LinkedHashMap<>();
    for (String artifact : ARTIFACTS) {
      libraries.put(artifact, version(artifact));
    }
    Runtime rt = Runtime.getRuntime();
    return new Platform(java, os, rt.availableProcessors(), rt.maxMemory(), variables, libraries);
  }

  /** The version in the artifact's {@code META-INF/maven/.../pom.properties}, or {@code unknown}. */
  static String version(String artifact) {
    String[] ga = artifact.split(":");
    String resource = "META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties";
    try (InputStream in = Platform.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
