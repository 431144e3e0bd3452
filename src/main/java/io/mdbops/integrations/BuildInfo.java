package io.mdbops.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build, filtered in by Maven. */
public final class BuildInfo {

  private static final java.util.Properties PROPERTIES = load();
  private static final String VERSION = PROPERTIES.getProperty("version", "unknown");

  private BuildInfo() {}

  public static String version() {
    return VERSION;
  }

  /** The git commit the build came from, or {@code unknown} (a build outside a checkout). */
  public static String commit() {
    String commit = PROPERTIES.getProperty("commit", "");
    return commit.isBlank() || commit.startsWith("${") ? "unknown" : commit;
  }

  /** The User-Agent sent to the API, e.g. {@code integrations-operator/0.1.0}. */
  public static String userAgent() {
    return "integrations-operator/" + VERSION;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
