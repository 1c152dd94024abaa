package org.qprob.bench;

/**
 * Prints, once per benchmark JVM, the settings that decide the native libraries' speed, so that every result says
 * what it was measured with: {@code OMP_NUM_THREADS} (ND4J and OpenBLAS threads; 1 is the setting to measure with),
 * {@code OPENBLAS_CORETYPE} (OpenBLAS 0.3.19 falls back to a slow kernel on CPUs it does not recognise), the cores,
 * Java and the maximum heap.
 */
final class Settings {
  private static boolean printed;

  private Settings() {
  }

  /** Prints the settings line to standard error, the first time only. */
  static synchronized void print() {
    if (printed) {
      return;
    }
    printed = true;
    String omp = System.getenv("OMP_NUM_THREADS");
    System.err.println("settings: OMP_NUM_THREADS=" + (omp == null ? "(unset)" : omp)
        + " OPENBLAS_CORETYPE=" + env("OPENBLAS_CORETYPE")
        + " cores=" + Runtime.getRuntime().availableProcessors()
        + " java=" + System.getProperty("java.version")
        + " maxHeap=" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "MiB");
    if (!"1".equals(omp)) {
      System.err.println("warning: OMP_NUM_THREADS is not 1; ND4J updates can be 10-50x slower on small networks");
    }
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "(unset)" : v;
  }
}
