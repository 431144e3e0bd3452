package io.mdbops.integrations.validation;

import io.mdbops.integrations.api.v1alpha1.FieldPatterns;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a {@link ThirdPartyIntegration}'s spec against the rules its CRD schema states (required
 * fields, patterns, lengths, exactly the block named by {@code spec.type}, Prometheus https needs
 * tlsPemPath), because the API server a test or a sandbox runs against may not enforce them.
 *
 * <p>Returns one message per problem, each starting with the field path. Messages quote the
 * offending value escaped and shortened (see {@link Quote}); the spec holds only Secret references,
 * so no secret value can appear. Not checked here: the immutability of projectId and type (that
 * needs the previous object) and enum values unknown to the model (deserialisation already failed;
 * see {@link ResourceParser}).
 */
public final class SpecValidator {

  private static final Pattern PROJECT_ID = Pattern.compile(FieldPatterns.PROJECT_ID);
  private static final String TYPES =
      Arrays.stream(IntegrationType.values()).map(Enum::name).collect(Collectors.joining(", "));

  /** The problems of the resource's spec, one message each; empty when the spec is valid. */
  public List<String> validate(ThirdPartyIntegration resource) {
    Objects.requireNonNull(resource, "resource");
    return problems(resource.getSpec()).stream().map(Problem::message).toList();
  }

  /** As {@link #validate}, keeping each problem's field path apart. */
  List<Problem> problems(ThirdPartyIntegrationSpec spec) {
    FieldChecks problems = new FieldChecks();
    if (spec == null) {
      problems.add("spec", "is required: set spec.projectId, spec.type and the block named after"
          + " the type");
      return problems.list();
    }
    if (spec.unreadableReason() != null) {
      List<Problem> precise = spec.original() == null ? List.of() : ResourceParser.specProblems(spec.original());
      if (precise.isEmpty()) {
        problems.report("spec", spec.unreadableReason());
        return problems.list();
      }
      return precise;
    }
    projectId(spec.getProjectId(), problems);
    blocks(spec, problems);
    if (spec.getConnectionSecretRef() != null) {
      problems.secretName("spec.connectionSecretRef.name", spec.getConnectionSecretRef().getName(),
          "the Secret with the API connection; or remove spec.connectionSecretRef to use the"
              + " operator's default connection");
    }
    return problems.list();
  }

  private static void projectId(String projectId, FieldChecks problems) {
    String field = "spec.projectId";
    String what = "the project id from the project's URL";
    if (problems.present(field, projectId, what + ", 24 lower-case hexadecimal characters")
        && !PROJECT_ID.matcher(projectId).matches()) {
      problems.add(field, Quote.of(projectId) + " must be 24 lower-case hexadecimal characters ("
          + what + ")");
    }
  }

  /** spec.type, and exactly the block it names (the CRD's CEL rule on spec), then its contents. */
  private static void blocks(ThirdPartyIntegrationSpec spec, FieldChecks problems) {
    IntegrationType type = spec.getType();
    List<IntegrationType> set =
        Arrays.stream(IntegrationType.values()).filter(t -> spec.block(t) != null).toList();
    if (type == null) {
      String hint = set.size() == 1
          ? set.get(0).name() + " to match spec." + set.get(0).blockName()
          : "one of " + TYPES;
      problems.present("spec.type", null, hint);
      if (set.size() > 1) {
        problems.add("spec", "has " + set.size() + " integration blocks ("
            + set.stream().map(t -> "spec." + t.blockName()).collect(Collectors.joining(", "))
            + "); set only the one named by spec.type");
      }
    } else {
      if (!set.contains(type)) {
        String block = "spec." + type.blockName();
        problems.report(block, "spec.type is " + type + " but " + block + " is not set; add "
            + block);
      }
      for (IntegrationType other : set) {
        if (other != type) {
          problems.report("spec." + other.blockName(), "spec.type is " + type + " but spec."
              + other.blockName() + " is set; set only spec." + type.blockName());
        }
      }
    }
    for (IntegrationType t : set) {
      BlockRules.check(t, spec.block(t), problems);
    }
  }
}
