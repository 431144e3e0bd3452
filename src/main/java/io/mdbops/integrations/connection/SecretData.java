package io.mdbops.integrations.connection;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Decodes one key of a Secret. */
public final class SecretData {

  /** No token, key or webhook URL comes near this; a larger value is a mistake, not a credential. */
  static final int MAX_VALUE_CHARS = 16 * 1024;
  /** A PEM bundle of a private CA chain is a few kilobytes; a megabyte is plenty. */
  static final int MAX_MULTILINE_CHARS = 1024 * 1024;

  /** The outcome of reading a key: its value, or why there is none (never the value itself). */
  public sealed interface Read {}

  public record Value(String value) implements Read {
    @Override
    public String toString() {
      return "Value[<redacted>]";
    }
  }

  public record Missing() implements Read {}

  public record Empty() implements Read {}

  public record Undecodable(String why) implements Read {}

  private SecretData() {}

  /**
   * Reads {@code key} from {@code data} (base64) or, as a fallback, {@code stringData} (which a real
   * API server folds into data, but test servers keep as is). Surrounding whitespace, such as the
   * newline {@code echo} leaves at the end of a file, is removed: no API key or URL carries it.
   */
  public static Read read(Secret secret, String key) {
    return read(secret, key, false);
  }

  /** As {@link #read(Secret, String)}; {@code multiline} allows line breaks (PEM bundles). */
  public static Read read(Secret secret, String key, boolean multiline) {
    String raw = null;
    Map<String, String> data = secret.getData();
    if (data != null && data.containsKey(key)) {
      String encoded = data.get(key) == null ? "" : data.get(key);
      try {
        raw = utf8(Base64.getMimeDecoder().decode(encoded));
      } catch (IllegalArgumentException e) {
        return new Undecodable("is not valid base64");
      } catch (CharacterCodingException e) {
        return new Undecodable("is not valid UTF-8 text");
      }
    } else if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      raw = secret.getStringData().get(key) == null ? "" : secret.getStringData().get(key);
    }
    if (raw == null) {
      return new Missing();
    }
    String value = raw.strip();
    if (value.isEmpty()) {
      return new Empty();
    }
    int limit = multiline ? MAX_MULTILINE_CHARS : MAX_VALUE_CHARS;
    if (value.length() > limit) {
      return new Undecodable("is larger than " + (limit / 1024) + " KiB");
    }
    if (value.chars().anyMatch(c -> (c < 0x20 || c == 0x7f) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
      return new Undecodable("contains control characters (such as a line break inside the value)");
    }
    return new Value(value);
  }

  /** Why {@code read} of {@code key} gave no value, as the end of a sentence about the Secret. */
  public static String problem(Read read, String key) {
    if (read instanceof Missing) {
      return "has no key " + key;
    }
    if (read instanceof Empty) {
      return "has an empty value at key " + key;
    }
    if (read instanceof Undecodable u) {
      return "key " + key + " " + u.why();
    }
    throw new IllegalArgumentException("not a problem: " + read.getClass().getSimpleName());
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
