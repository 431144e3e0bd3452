package io.mdbops.integrations.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * The machine and JVM the numbers came from.
 *
 * @param cores processors available to the JVM
 * @param memoryMiB physical memory of the machine
 * @param jvm vendor, name and version
 * @param maxHeapMiB the JVM's maximum heap (-Xmx)
 * @param gc the collectors in use
 * @param jvmArgs the JVM's input arguments
 */
public record Machine(int cores, long memoryMiB, String jvm, long maxHeapMiB, String gc, String jvmArgs) {

  static Machine describe() {
    long memory = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = os.getTotalMemorySize() >> 20;
    }
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memory,
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", ")),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }
}
