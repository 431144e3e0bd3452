package io.mdbops.integrations.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The operator's log format and level. JSON lines use logstash-logback-encoder's field names
 * ({@code @timestamp} in ISO-8601, {@code level}, {@code logger_name}, {@code thread_name}, {@code
 * message}, MDC keys such as {@code reconcileId} at the top level), which log pipelines read as is.
 * Applied before anything logs (see {@link #fromCommandLine}), so a JSON stream never holds a plain line.
 */
public final class LogSetup {

  private LogSetup() {}

  public static void apply(OperatorConfig.LogFormat format) {
    apply(format, OperatorConfig.LogLevel.info);
  }

  public static void apply(OperatorConfig.LogFormat format, OperatorConfig.LogLevel level) {
    routeJavaUtilLogging();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger("io.mdbops.integrations").setLevel(Level.toLevel(level.name(), Level.INFO));
    if (format != OperatorConfig.LogFormat.json) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender("json") != null) {
      return;
    }
    root.detachAndStopAllAppenders();
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.setIncludeContext(false);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("json");
    console.setEncoder(encoder);
    console.start();
    root.addAppender(console);
  }

  /**
   * Applies the format and level {@code run} will be started with, read from its flags or
   * environment, before the first log line (the command line is parsed later).
   */
  public static void fromCommandLine(List<String> args, UnaryOperator<String> environment) {
    if (!args.isEmpty() && !args.get(0).equals("run")) {
      return;
    }
    String format = setting(args, "--log-format", "LOG_FORMAT", environment);
    String level = setting(args, "--log-level", "LOG_LEVEL", environment);
    try {
      apply(format == null ? OperatorConfig.LogFormat.text
              : OperatorConfig.LogFormat.valueOf(format.trim().toLowerCase(Locale.ROOT)),
          level == null ? OperatorConfig.LogLevel.info
              : OperatorConfig.LogLevel.valueOf(level.trim().toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      // the command line reports the bad value itself
    }
  }

  private static String setting(List<String> args, String flag, String env, UnaryOperator<String> environment) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith(flag + "=")) {
        return args.get(i).substring(flag.length() + 1);
      }
      if (args.get(i).equals(flag) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
    }
    String prefixed = environment.apply("INTEGRATIONS_OPERATOR_" + env);
    return prefixed != null ? prefixed : environment.apply(env);
  }

  /** The mock API server and parts of the JDK log through java.util.logging; send them to SLF4J. */
  private static void routeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
