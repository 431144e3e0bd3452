package io.mdbops.integrations.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Turns every log down to WARN while the sandbox prints its own lines (java.util.logging, which the
 * embedded API server uses, included), and puts everything back as it was on {@link #close()}, so
 * that running the sandbox inside another program (a test) leaves its logging unchanged.
 */
public final class QuietLogs implements AutoCloseable {

  /** fabric8 warns that v1alpha1 is not a stable version: true, and not news in a sandbox. */
  private static final String VERSION_WARNING = "io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils";

  private final Map<String, Level> levels = new HashMap<>();
  private final List<Handler> julHandlers;
  private final boolean bridged;

  private QuietLogs() {
    java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
    julHandlers = List.of(julRoot.getHandlers());
    bridged = !SLF4JBridgeHandler.isInstalled();
    if (bridged) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      for (Logger logger : context.getLoggerList()) {
        if (logger.getLevel() != null && !logger.getLevel().isGreaterOrEqual(Level.WARN)) {
          levels.put(logger.getName(), logger.getLevel());
          logger.setLevel(Level.WARN);
        }
      }
      Logger versions = context.getLogger(VERSION_WARNING);
      levels.put(VERSION_WARNING, versions.getLevel());
      versions.setLevel(Level.ERROR);
    }
  }

  public static QuietLogs apply() {
    return new QuietLogs();
  }

  @Override
  public void close() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
    if (bridged) {
      SLF4JBridgeHandler.uninstall();
      java.util.logging.Logger julRoot = java.util.logging.LogManager.getLogManager().getLogger("");
      julHandlers.forEach(julRoot::addHandler);
    }
  }
}
