package io.mdbops.integrations.testing;

import java.util.Arrays;

/** Reads sample values out of a Prometheus text-format scrape. */
public final class MetricsText {

  private MetricsText() {}

  /**
   * The sum of every sample named {@code name} whose labels include all of {@code labels}
   * ({@code key="value"} strings); 0 when there is none.
   */
  public static double value(String scrape, String name, String... labels) {
    double sum = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String sample = line.substring(0, space);
      String metric = sample.contains("{") ? sample.substring(0, sample.indexOf('{')) : sample;
      if (metric.equals(name) && Arrays.stream(labels).allMatch(sample::contains)) {
        sum += Double.parseDouble(line.substring(space + 1));
      }
    }
    return sum;
  }
}
