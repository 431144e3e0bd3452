package io.mdbops.integrations.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.ThirdPartyIntegration;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftWatchTest {

  final CoreRig rig = new CoreRig();
  final String project = rig.project();
  final String otherProject = rig.project();

  @Test
  void oneListPerProjectAndNoWakeWhenNothingChanged() {
    rig.synced(rig.resource("a", IntegrationType.SLACK, project));
    rig.synced(rig.resource("b", IntegrationType.PAGER_DUTY, project));
    rig.synced(rig.resource("c", IntegrationType.SLACK, otherProject));
    long lists = rig.api.calls("LIST");
    assertThat(rig.driftWatch.pollNow()).isZero();
    assertThat(rig.api.calls("LIST")).isEqualTo(lists + 2);
    assertThat(rig.woken).isEmpty();
  }

  @Test
  void wakesOnlyTheResourceWhoseIntegrationChanged() {
    ThirdPartyIntegration slack = rig.resource("a", IntegrationType.SLACK, project);
    rig.synced(slack);
    rig.synced(rig.resource("b", IntegrationType.PAGER_DUTY, project));
    Map<String, Object> edited = new HashMap<>(rig.api.stored(project, "SLACK").orElseThrow());
    edited.put("channelName", "#elsewhere");
    rig.api.store(project, "SLACK", edited);
    assertThat(rig.driftWatch.pollNow()).isEqualTo(1);
    assertThat(rig.woken).containsExactly(ResourceID.fromResource(slack));
  }

  @Test
  void aRemovedIntegrationWakesItsResource() {
    ThirdPartyIntegration slack = rig.resource("a", IntegrationType.SLACK, project);
    rig.synced(slack);
    rig.api.removeStored(project, "SLACK");
    rig.driftWatch.pollNow();
    assertThat(rig.woken).containsExactly(ResourceID.fromResource(slack));
  }

  @Test
  void aProjectNobodyWatchesAnyMoreIsNotRead() {
    ThirdPartyIntegration slack = rig.resource("a", IntegrationType.SLACK, project);
    rig.synced(slack);
    rig.sync.forget(slack);
    long lists = rig.api.calls("LIST");
    rig.driftWatch.pollNow();
    assertThat(rig.api.calls("LIST")).isEqualTo(lists);
  }

  @Test
  void aFailedReadWakesNobody() {
    rig.synced(rig.resource("a", IntegrationType.SLACK, project));
    rig.api.failNext(FakeIntegrationsApi.error(500, null));
    assertThat(rig.driftWatch.pollNow()).isZero();
  }
}
