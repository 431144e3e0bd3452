package io.mdbops.integrations.plan;

import io.mdbops.integrations.api.v1alpha1.ManagementPolicy;
import io.mdbops.integrations.api.v1alpha1.MaskedSecret;
import io.mdbops.integrations.api.v1alpha1.SecretKeySelector;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegrationSpec;
import io.mdbops.integrations.mapping.FieldMapping;
import io.mdbops.integrations.mapping.IntegrationFields;
import io.mdbops.integrations.mapping.MaskPrediction;
import io.mdbops.integrations.mapping.SecretForm;
import io.mdbops.integrations.opsmanager.IntegrationView;
import io.mdbops.integrations.sync.LiveComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Field by field, what differs between a valid resource and the integration the project holds,
 * compared as the operator compares (same mapping, same normalisation of plain fields, secrets
 * through the API's mask or the one the operator recorded after its own write, hidden ones by the
 * Secret's version), and which fields cannot be compared at all. Never holds a secret value.
 *
 * <p>A managed resource's secret must show exactly as the documented mask (else the operator writes
 * it, to learn the server's own mask); an observed one's is read as {@code Observation} reads it,
 * whatever the server's mask rule, since the operator never writes it.
 */
final class IntegrationDiff {

  /**
   * @param changes what differs (for a create: everything the spec sets)
   * @param notCompared what cannot be compared, and why
   * @param secretProblems why a pass of the operator would stop at a Secret (SecretNotFound, SecretKeyMissing)
   */
  record Result(List<PlanEntry.Change> changes, List<PlanEntry.NotCompared> notCompared, List<String> secretProblems) {}

  private IntegrationDiff() {}

  /**
   * @param live the project's integration of the spec's type, empty when it has none
   * @param applied what the operator's status in the cluster records of its last write (empty without one)
   */
  static Result compare(ThirdPartyIntegrationSpec spec, String namespace, Optional<IntegrationView> live,
      SecretKnowledge secrets, LiveComparison.Applied applied) {
    boolean observed = spec.effectiveManagementPolicy() == ManagementPolicy.Observe;
    Object block = spec.block(spec.getType());
    List<PlanEntry.Change> changes = new ArrayList<>();
    List<PlanEntry.NotCompared> notCompared = new ArrayList<>();
    List<String> secretProblems = new ArrayList<>();
    for (FieldMapping field : IntegrationFields.of(spec.getType())) {
      String name = field.apiField();
      Object have = live.map(v -> v.field(name)).orElse(null);
      if (!field.isSecret()) {
        Object want = field.plain().apply(block);
        if (live.isEmpty() ? want != null : !LiveComparison.samePlain(want, have, field.absentMeans())) {
          changes.add(PlanEntry.Change.plain(name, isSet(have) ? have : null, want));
        }
        continue;
      }
      SecretKeySelector ref = field.secretRef().apply(block);
      if (ref == null) {
        if (isSet(have)) {
          changes.add(PlanEntry.Change.secret(name, "set in the project but not in the spec: it would be cleared"));
        }
        continue;
      }
      SecretKnowledge.Value value = secrets.of(namespace, ref);
      if (value instanceof SecretKnowledge.Unknown unknown && unknown.blocking()) {
        secretProblems.add(unknown.why());
      }
      String source = "Secret " + ref.getName() + ", key " + ref.getKey();
      if (live.isEmpty()) {
        changes.add(PlanEntry.Change.secret(name, "set from " + source));
      } else if (!isSet(have) && field.form() != SecretForm.WRITE_ONLY) {
        changes.add(PlanEntry.Change.secret(name, "not set in the project: it would be set from " + source));
      } else {
        compareSecret(field, ref, have, value, applied, observed, changes, notCompared);
      }
    }
    return new Result(changes, notCompared, secretProblems);
  }

  private static void compareSecret(FieldMapping field, SecretKeySelector ref, Object have, SecretKnowledge.Value value,
      LiveComparison.Applied applied, boolean observed, List<PlanEntry.Change> changes,
      List<PlanEntry.NotCompared> notCompared) {
    String name = field.apiField();
    if (field.form() == SecretForm.LAST_FOUR || field.form() == SecretForm.URL) {
      if (value instanceof SecretKnowledge.Known known) {
        String recorded = recordedMask(applied, name, ref);
        String shown = String.valueOf(have);
        MaskPrediction.Reading reading = !observed || shown.equals(recorded) ? null
            : MaskPrediction.read(shown, known.value());
        if (reading == MaskPrediction.Reading.HIDDEN) {
          notCompared.add(new PlanEntry.NotCompared(name, "the API shows it fully masked"));
        } else if (observed ? reading == MaskPrediction.Reading.DIFFERS
            : !LiveComparison.sameSecret(field.form(), known.value(), have, recorded)) {
          changes.add(PlanEntry.Change.secret(name, "the project holds another value (compared through the API's mask)"));
        }
      } else {
        notCompared.add(new PlanEntry.NotCompared(name, ((SecretKnowledge.Unknown) value).why()));
      }
      return;
    }
    // hidden or never returned: only the Secret's version against the one the operator last wrote tells
    String shown = field.form() == SecretForm.WRITE_ONLY ? "the API never returns it" : "the API shows only that it is set";
    String written = applied.secretVersions().get(ref.getName());
    if (value instanceof SecretKnowledge.Known known && known.replacesCluster()) {
      changes.add(PlanEntry.Change.secret(name, "Secret " + ref.getName() + " in the manifests differs from the"
          + " cluster's: applying it makes the operator send it again"));
    } else if (value instanceof SecretKnowledge.Known known && known.clusterVersion() != null && written != null) {
      if (!written.equals(known.clusterVersion())) {
        changes.add(PlanEntry.Change.secret(name, "Secret " + ref.getName() + " changed since the operator last wrote it"));
      }
    } else if (value instanceof SecretKnowledge.Unknown unknown) {
      notCompared.add(new PlanEntry.NotCompared(name, shown + "; " + unknown.why()));
    } else {
      notCompared.add(new PlanEntry.NotCompared(name, shown + ", and whether Secret " + ref.getName()
          + " changed since the operator last wrote it needs --kubeconfig and the resource in the cluster"));
    }
  }

  private static String recordedMask(LiveComparison.Applied applied, String field, SecretKeySelector ref) {
    return applied.masks().stream()
        .filter(m -> field.equals(m.getField()) && Objects.equals(ref, m.getSecretKeyRef()))
        .map(MaskedSecret::getShownAs).findFirst().orElse(null);
  }

  private static boolean isSet(Object value) {
    return value != null && !(value instanceof String s && s.isEmpty());
  }
}
