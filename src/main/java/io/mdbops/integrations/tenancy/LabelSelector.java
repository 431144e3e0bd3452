package io.mdbops.integrations.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes label selector string ({@code a=b,c!=d,e,!f,g in (h,i),j notin (k)}) matched
 * against a label map, for selectors the operator applies itself.
 */
public final class LabelSelector implements Predicate<Map<String, String>> {

  private static final Pattern SET = Pattern.compile("^([^\\s!=,()]+)\\s+(in|notin)\\s+\\(([^)]*)\\)$");
  private static final Pattern EQUALITY = Pattern.compile("^([^\\s!=,()]+)\\s*(==|=|!=)\\s*([^\\s!=,()]*)$");
  private static final Pattern EXISTS = Pattern.compile("^(!?)([^\\s!=,()]+)$");

  private final List<Predicate<Map<String, String>>> requirements;
  private final String text;

  private LabelSelector(String text, List<Predicate<Map<String, String>>> requirements) {
    this.text = text;
    this.requirements = requirements;
  }

  /** @throws IllegalArgumentException naming the part that is not a requirement */
  public static LabelSelector parse(String selector) {
    List<Predicate<Map<String, String>>> requirements = new ArrayList<>();
    for (String part : split(selector)) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = SET.matcher(p)).matches()) {
        String key = m.group(1);
        Set<String> values = Set.copyOf(List.of(m.group(3).trim().split("\\s*,\\s*")));
        boolean in = m.group(2).equals("in");
        requirements.add(labels -> in == (labels.containsKey(key) && values.contains(labels.get(key))));
      } else if ((m = EQUALITY.matcher(p)).matches()) {
        String key = m.group(1);
        String value = m.group(3);
        boolean equal = !m.group(2).equals("!=");
        requirements.add(labels -> equal == value.equals(labels.get(key)));
      } else if ((m = EXISTS.matcher(p)).matches()) {
        String key = m.group(2);
        boolean present = m.group(1).isEmpty();
        requirements.add(labels -> present == labels.containsKey(key));
      } else {
        throw new IllegalArgumentException("'" + p + "' is not a label selector requirement"
            + " (key=value, key!=value, key, !key, key in (a,b), key notin (a,b))");
      }
    }
    return new LabelSelector(selector, requirements);
  }

  /** Commas inside parentheses belong to a set, not to the list of requirements. */
  private static List<String> split(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  @Override
  public boolean test(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Map.of() : labels;
    return requirements.stream().allMatch(r -> r.test(l));
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }
}
