package io.mdbops.integrations.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations the way Kubernetes users write them ({@code 30s}, {@code 5m}, {@code 1h30m}) or ISO-8601. */
public final class Durations implements ITypeConverter<Duration> {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    String v = value == null ? "" : value.trim();
    if (v.startsWith("P") || v.startsWith("p")) {
      try {
        return positive(Duration.parse(v), value);
      } catch (java.time.format.DateTimeParseException e) {
        throw invalid(value);
      }
    }
    Matcher m = PART.matcher(v);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw invalid(value);
      }
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      });
      end = m.end();
    }
    if (end == 0 || end != v.length()) {
      throw invalid(value);
    }
    return positive(total, value);
  }

  /** The shortest form {@link #parse} reads back: {@code 5m}, {@code 1h30m}, {@code 500ms}. */
  public static String format(Duration d) {
    if (d.toMillisPart() != 0 || d.isZero()) {
      return d.toMillis() + "ms";
    }
    StringBuilder out = new StringBuilder();
    if (d.toHours() > 0) {
      out.append(d.toHours()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      out.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      out.append(d.toSecondsPart()).append('s');
    }
    return out.toString();
  }

  private static Duration positive(Duration d, String value) {
    if (d.isZero() || d.isNegative()) {
      throw new TypeConversionException("'" + value + "' must be a positive duration");
    }
    return d;
  }

  private static TypeConversionException invalid(String value) {
    return new TypeConversionException(
        "'" + value + "' is not a duration; write it like 30s, 5m, 1h30m or PT5M");
  }
}
