package io.mdbops.integrations.validation;

import io.mdbops.integrations.api.v1alpha1.DatadogSpec;
import io.mdbops.integrations.api.v1alpha1.FieldPatterns;
import io.mdbops.integrations.api.v1alpha1.IntegrationType;
import io.mdbops.integrations.api.v1alpha1.MicrosoftTeamsSpec;
import io.mdbops.integrations.api.v1alpha1.NewRelicSpec;
import io.mdbops.integrations.api.v1alpha1.OpsGenieSpec;
import io.mdbops.integrations.api.v1alpha1.PagerDutySpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusScheme;
import io.mdbops.integrations.api.v1alpha1.PrometheusScrapeConfigSpec;
import io.mdbops.integrations.api.v1alpha1.PrometheusSpec;
import io.mdbops.integrations.api.v1alpha1.SlackSpec;
import io.mdbops.integrations.api.v1alpha1.VictorOpsSpec;
import io.mdbops.integrations.api.v1alpha1.WebhookSpec;
import java.util.regex.Pattern;

/**
 * The fields of each type block, as the CRD schema states them ({@code @Required} and
 * {@code @Size} on the model). GeneratedCrdTest checks the two agree.
 */
final class BlockRules {

  /** maxLength of the plain text fields that have one in the CRD. */
  static final int NAME_MAX = 255;
  static final int SLACK_CHANNEL_MAX = 80;
  static final int TLS_PEM_PATH_MAX = 4096;
  static final int SCRAPE_INTERVAL_MAX = 32;
  private static final Pattern PROMETHEUS_DURATION = Pattern.compile(FieldPatterns.PROMETHEUS_DURATION);

  private BlockRules() {}

  static void check(IntegrationType type, Object block, FieldChecks p) {
    String at = "spec." + type.blockName();
    switch (type) {
      case PAGER_DUTY -> p.secretRef(at + ".serviceKeySecretRef",
          ((PagerDutySpec) block).getServiceKeySecretRef(), true);
      case SLACK -> slack((SlackSpec) block, at, p);
      case DATADOG -> p.secretRef(at + ".apiKeySecretRef",
          ((DatadogSpec) block).getApiKeySecretRef(), true);
      case OPS_GENIE -> p.secretRef(at + ".apiKeySecretRef",
          ((OpsGenieSpec) block).getApiKeySecretRef(), true);
      case VICTOR_OPS -> victorOps((VictorOpsSpec) block, at, p);
      case WEBHOOK -> webhook((WebhookSpec) block, at, p);
      case MICROSOFT_TEAMS -> p.secretRef(at + ".webhookUrlSecretRef",
          ((MicrosoftTeamsSpec) block).getWebhookUrlSecretRef(), true);
      case PROMETHEUS -> prometheus((PrometheusSpec) block, at, p);
      case NEW_RELIC -> newRelic((NewRelicSpec) block, at, p);
    }
  }

  private static void slack(SlackSpec slack, String at, FieldChecks p) {
    p.secretRef(at + ".apiTokenSecretRef", slack.getApiTokenSecretRef(), true);
    p.string(at + ".teamName", slack.getTeamName(), true, 1, NAME_MAX);
    p.string(at + ".channelName", slack.getChannelName(), false, 0, SLACK_CHANNEL_MAX);
  }

  private static void victorOps(VictorOpsSpec victorOps, String at, FieldChecks p) {
    p.secretRef(at + ".apiKeySecretRef", victorOps.getApiKeySecretRef(), true);
    p.string(at + ".routingKey", victorOps.getRoutingKey(), false, 0, NAME_MAX);
  }

  private static void webhook(WebhookSpec webhook, String at, FieldChecks p) {
    p.secretRef(at + ".urlSecretRef", webhook.getUrlSecretRef(), true);
    p.secretRef(at + ".signingSecretRef", webhook.getSigningSecretRef(), false);
  }

  private static void prometheus(PrometheusSpec prometheus, String at, FieldChecks p) {
    p.string(at + ".username", prometheus.getUsername(), true, 1, NAME_MAX);
    p.secretRef(at + ".passwordSecretRef", prometheus.getPasswordSecretRef(), true);
    // required on Cloud/Ops Manager, refused on Atlas: mapping.ProductSupport, which knows the connection
    p.string(at + ".listenAddress", prometheus.getListenAddress(), false, 1, NAME_MAX);
    p.present(at + ".serviceDiscovery", prometheus.getServiceDiscovery(), "http or file");
    p.present(at + ".enabled", prometheus.getEnabled(), "true or false");
    String tlsPemPath = prometheus.getTlsPemPath();
    if (p.string(at + ".tlsPemPath", tlsPemPath, false, 0, TLS_PEM_PATH_MAX)
        && prometheus.getScheme() == PrometheusScheme.HTTPS
        && (tlsPemPath == null || tlsPemPath.isEmpty())) {
      p.add(at + ".tlsPemPath", "is required when " + at + ".scheme is https: the absolute path"
          + " of the PEM file (certificate and key) on the monitored hosts");
    }
    p.secretRef(at + ".tlsPemPasswordSecretRef", prometheus.getTlsPemPasswordSecretRef(), false);
    PrometheusScrapeConfigSpec scrape = prometheus.getScrapeConfig();
    if (scrape != null) {
      String scrapeAt = at + ".scrapeConfig";
      p.secretKey(scrapeAt + ".usernameKey", scrape.getUsernameKey());
      String interval = scrape.getScrapeInterval();
      if (p.string(scrapeAt + ".scrapeInterval", interval, false, 1, SCRAPE_INTERVAL_MAX) && interval != null
          && !PROMETHEUS_DURATION.matcher(interval).matches()) {
        p.add(scrapeAt + ".scrapeInterval", Quote.of(interval) + " is not a Prometheus duration such as 30s or 1m30s");
      }
    }
  }

  private static void newRelic(NewRelicSpec newRelic, String at, FieldChecks p) {
    p.string(at + ".accountId", newRelic.getAccountId(), true, 1, NAME_MAX);
    p.secretRef(at + ".licenseKeySecretRef", newRelic.getLicenseKeySecretRef(), true);
    p.secretRef(at + ".writeTokenSecretRef", newRelic.getWriteTokenSecretRef(), true);
    p.secretRef(at + ".readTokenSecretRef", newRelic.getReadTokenSecretRef(), true);
  }
}
