package io.mdbops.integrations.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mdbops.integrations.sandbox.admission.StatusResponses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Set-based label selectors on lists ({@code -l 'team in (a,b)'}, {@code notin}, {@code !key}), which the
 * mock server ignores and so answers with every object: {@code kubectl delete -l 'env notin (prod)'}
 * would delete prod too. Lists whose selector uses them are filtered here, all requirements ANDed as a
 * real server does; equality-only selectors are left to the mock server, which handles those.
 */
final class LabelSelectors {

  private static final Pattern SET = Pattern.compile("\\s*([^\\s!=(),]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");
  private static final Pattern EXISTS = Pattern.compile("\\s*(!?)([^\\s!=(),]+)\\s*");
  private static final Pattern EQUALS = Pattern.compile("\\s*([^\\s!=(),]+)\\s*(==|=|!=)\\s*([^\\s!=(),]*)\\s*");
  private static final Pattern SET_BASED = Pattern.compile("\\s(in|notin)\\s*\\(|(^|,)\\s*!?[^=!,()\\s]+\\s*(,|$)");

  private LabelSelectors() {
  }

  /** Serves the request through {@code next}, filtering a list whose label selector is set-based. */
  static MockResponse dispatch(RecordedRequest request, Dispatcher next) {
    Optional<SelectedList> selected = SelectedList.of(request, "labelSelector")
        .filter(l -> SET_BASED.matcher(l.selector()).find());
    if (selected.isEmpty()) {
      return next.dispatch(request);
    }
    List<Predicate<JsonNode>> requirements = new ArrayList<>();
    for (String part : split(selected.get().selector())) {
      Predicate<JsonNode> requirement = parse(part);
      if (requirement == null) {
        return StatusResponses.badRequest("unable to parse requirement: " + part.strip());
      }
      requirements.add(requirement);
    }
    return selected.get().dispatchKeeping(next, item -> {
      JsonNode labels = item.path("metadata").path("labels");
      return requirements.stream().allMatch(r -> r.test(labels));
    });
  }

  /** Requirements are comma-separated, but so are the values inside {@code in (...)}. */
  private static List<String> split(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(selector.substring(start));
    return parts;
  }

  private static Predicate<JsonNode> parse(String part) {
    Matcher set = SET.matcher(part);
    if (set.matches()) {
      Set<String> values = new HashSet<>();
      for (String v : set.group(3).split(",")) {
        values.add(v.strip());
      }
      boolean in = "in".equals(set.group(2));
      return labels -> labels.has(set.group(1)) ? values.contains(labels.get(set.group(1)).asText()) == in : !in;
    }
    Matcher equals = EQUALS.matcher(part);
    if (equals.matches()) {
      boolean equal = !"!=".equals(equals.group(2));
      return labels -> equals.group(3).equals(labels.path(equals.group(1)).asText(null)) == equal;
    }
    Matcher exists = EXISTS.matcher(part);
    if (exists.matches()) {
      boolean present = exists.group(1).isEmpty();
      return labels -> labels.has(exists.group(2)) == present;
    }
    return null;
  }
}
