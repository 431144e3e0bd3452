package io.mdbops.integrations.opsmanager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pieces of HTTP Digest (MD5, {@code qop=auth}, as the MMS public API asks for) that the
 * simulator, which checks answers, and {@code doctor}, which answers challenges itself, both need.
 * The operator's own client answers through okhttp-digest.
 */
public final class DigestParts {

  private DigestParts() {}

  /**
   * The parameters of a Digest header after its scheme: {@code name=token} or {@code name="quoted \" string"},
   * comma-separated, by lower-case name; a malformed tail is ignored.
   */
  public static Map<String, String> parameters(String text) {
    Map<String, String> result = new LinkedHashMap<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
        i++;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          char c = text.charAt(i++);
          if (c == '\\' && i < n) {
            c = text.charAt(i++);
          }
          value.append(c);
        }
        i++;
      } else {
        while (i < n && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      result.put(name, value.toString().trim());
    }
    return result;
  }

  /** The {@code response} value of an MD5, {@code qop=auth} answer, in lower-case hex. */
  public static String response(String user, String realm, String password, String method, String uri,
      String nonce, String nc, String cnonce) {
    String ha1 = md5(user + ":" + realm + ":" + password);
    String ha2 = md5(method + ":" + uri);
    return md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
