package org.qprob.experiments.run;

import java.lang.management.ManagementFactory;

/**
 * The memory one run may use: the JVM's maximum heap, and the physical memory left beside it for native (off-heap)
 * buffers. Runs on parallel threads share both, so a validation for {@code jobs} parallel runs divides them.
 *
 * @param heapBytes bytes of Java heap
 * @param nativeBytes bytes of native memory
 */
public record AvailableMemory(long heapBytes, long nativeBytes) {
  /** This JVM's: {@code Runtime.maxMemory()}, and the machine's physical memory less that heap. */
  public static AvailableMemory ofThisJvm() {
    long heap = Runtime.getRuntime().maxMemory();
    long physical = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : Long.MAX_VALUE;
    return new AvailableMemory(heap, Math.max(0, physical - heap));
  }

  /** The share of each of {@code runs} runs that use this memory at once. */
  public AvailableMemory sharedBy(int runs) {
    int n = Math.max(1, runs);
    return new AvailableMemory(heapBytes / n, nativeBytes / n);
  }
}
