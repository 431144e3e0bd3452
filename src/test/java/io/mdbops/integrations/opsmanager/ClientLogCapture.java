package io.mdbops.integrations.opsmanager;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/**
 * Captures everything logged while open: SLF4J/logback (our code at TRACE) and java.util.logging
 * at FINE on OkHttp's logger (where okhttp-digest logs through OkHttp's internal Platform).
 */
final class ClientLogCapture implements AutoCloseable {

  private final ch.qos.logback.classic.Logger root =
      (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ch.qos.logback.classic.Logger ours =
      (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.mdbops.integrations");
  private final Level oursLevel = ours.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger jul = Logger.getLogger(OkHttpClient.class.getName());
  private final java.util.logging.Level julLevel = jul.getLevel();
  private final boolean julParents = jul.getUseParentHandlers();
  private final List<String> julMessages = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          julMessages.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  ClientLogCapture() {
    appender.start();
    root.addAppender(appender);
    ours.setLevel(Level.TRACE);
    jul.setLevel(java.util.logging.Level.FINE);
    jul.setUseParentHandlers(false);
    jul.addHandler(handler);
  }

  /** Messages okhttp-digest logged through OkHttp's Platform. */
  List<String> okHttpMessages() {
    return List.copyOf(julMessages);
  }

  /** Every captured line, formatted, from both logging systems. */
  List<String> all() {
    List<String> out = new ArrayList<>(julMessages);
    appender.list.forEach(e -> out.add(e.getFormattedMessage()));
    return out;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    ours.setLevel(oursLevel);
    jul.removeHandler(handler);
    jul.setLevel(julLevel);
    jul.setUseParentHandlers(julParents);
  }
}
