package io.mdbops.integrations.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** PagerDuty (API type PAGER_DUTY). PagerDuty REST API v1 integration keys only. */
public class PagerDutySpec {

  @Required
  @JsonPropertyDescription("Secret key holding the PagerDuty integration (service) key. Sent as serviceKey; the API returns it masked.")
  private SecretKeySelector serviceKeySecretRef;

  @JsonPropertyDescription("PagerDuty service region, US (default) or EU. Atlas sends it as region; Cloud Manager and Ops Manager have no region and serve US only, so there US is never sent and EU is refused.")
  private PagerDutyRegion region;

  public SecretKeySelector getServiceKeySecretRef() {
    return serviceKeySecretRef;
  }

  public void setServiceKeySecretRef(SecretKeySelector serviceKeySecretRef) {
    this.serviceKeySecretRef = serviceKeySecretRef;
  }

  public PagerDutySpec withServiceKeySecretRef(SecretKeySelector serviceKeySecretRef) {
    this.serviceKeySecretRef = serviceKeySecretRef;
    return this;
  }

  public PagerDutyRegion getRegion() {
    return region;
  }

  public void setRegion(PagerDutyRegion region) {
    this.region = region;
  }

  public PagerDutySpec withRegion(PagerDutyRegion region) {
    this.region = region;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PagerDutySpec o && Objects.equals(serviceKeySecretRef, o.serviceKeySecretRef) && Objects.equals(region, o.region);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serviceKeySecretRef, region);
  }
}
