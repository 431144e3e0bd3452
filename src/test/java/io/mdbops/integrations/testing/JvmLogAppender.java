package io.mdbops.integrations.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A logback appender that keeps every formatted line of the test JVM (stack traces included). */
public final class JvmLogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

  private Encoder<ILoggingEvent> encoder;

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  @Override
  protected void append(ILoggingEvent event) {
    LINES.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
  }

  public static List<String> lines() {
    return new ArrayList<>(LINES);
  }

  public static List<String> linesContaining(String text) {
    return LINES.stream().filter(l -> l.contains(text)).toList();
  }
}
