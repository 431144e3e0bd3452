package io.mdbops.integrations.plan;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Logging for a command whose standard output is its report ({@code plan}, {@code export}): console
 * log lines go to standard error, and only warnings, so that {@code plan -o json} or an exported YAML
 * stream can be piped as they are. Put back as it was on {@link #close()}.
 */
public final class CommandLogs implements AutoCloseable {

  /** fabric8 warns that v1alpha1 is not a stable version: true, and not news here. */
  private static final String VERSION_WARNING = "io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils";

  private final List<ConsoleAppender<ILoggingEvent>> moved = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();
  private Level rootLevel;
  private Level versionLevel;

  private CommandLogs() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    if (rootLevel == null || !rootLevel.isGreaterOrEqual(Level.WARN)) {
      root.setLevel(Level.WARN);
    }
    Logger versions = context.getLogger(VERSION_WARNING);
    versionLevel = versions.getLevel();
    versions.setLevel(Level.ERROR);
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof ConsoleAppender<ILoggingEvent> console && "System.out".equals(console.getTarget())) {
        retarget(console, "System.err");
        moved.add(console);
        targets.add("System.out");
      }
    }
  }

  public static CommandLogs toStandardError() {
    return new CommandLogs();
  }

  private static void retarget(ConsoleAppender<ILoggingEvent> console, String target) {
    // the target is opened on start()
    console.stop();
    console.setTarget(target);
    console.start();
  }

  @Override
  public void close() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    for (int i = 0; i < moved.size(); i++) {
      retarget(moved.get(i), targets.get(i));
    }
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(rootLevel);
    context.getLogger(VERSION_WARNING).setLevel(versionLevel);
  }
}
