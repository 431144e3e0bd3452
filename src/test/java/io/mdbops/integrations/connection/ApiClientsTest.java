package io.mdbops.integrations.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mdbops.integrations.api.v1alpha1.ConditionReason;
import io.mdbops.integrations.opsmanager.ApiConnection;
import io.mdbops.integrations.opsmanager.FakeIntegrationsApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiClientsTest {

  final List<ApiConnection> made = new ArrayList<>();
  final ApiClients clients = new ApiClients(connection -> {
    if (connection.caPem() != null) {
      throw new IllegalArgumentException("ca.crt is not a PEM certificate bundle");
    }
    made.add(connection);
    return new FakeIntegrationsApi();
  });

  static ResolvedConnection connection(String secret, String version, String caPem) {
    return new ResolvedConnection(new ApiConnection(URI.create("https://om.example.com"), "pub", "priv", caPem),
        io.mdbops.integrations.opsmanager.Product.OPS_MANAGER,
        "team", secret, version, false);
  }

  @Test
  void oneClientPerConnectionSecretSharedByItsResources() throws Exception {
    var first = clients.clientFor(connection("api", "1", null));
    assertThat(clients.clientFor(connection("api", "1", null))).isSameAs(first);
    assertThat(clients.clientFor(connection("other", "1", null))).isNotSameAs(first);
    assertThat(made).hasSize(2);
    assertThat(clients.size()).isEqualTo(2);
  }

  @Test
  void aChangedSecretMakesANewClientInItsPlace() throws Exception {
    var first = clients.clientFor(connection("api", "1", null));
    assertThat(clients.clientFor(connection("api", "2", null))).isNotSameAs(first);
    assertThat(clients.size()).isEqualTo(1);
  }

  @Test
  void aConnectionTheFactoryRefusesIsConnectionInvalidNamingTheSecret() {
    assertThatThrownBy(() -> clients.clientFor(connection("api", "1", "garbage")))
        .isInstanceOfSatisfying(ConnectionUnavailableException.class, e -> {
          assertThat(e.reason()).isEqualTo(ConditionReason.ConnectionInvalid);
          assertThat(e.getMessage()).contains("team/api").contains("ca.crt").doesNotContain("garbage");
        });
  }
}
