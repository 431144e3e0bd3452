package io.mdbops.integrations.connection;

import static io.mdbops.integrations.connection.ApiClientsTest.connection;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What is kept of the connections resources wrote through, and for how long. */
class ConnectionMemoryTest {

  final ConnectionMemory memory = new ConnectionMemory();

  @Test
  void aResourceGetsBackTheConnectionOfTheSecretItWroteThroughAndNoOther() {
    memory.wrote("a", connection("api", "1", null));
    assertThat(memory.recall("a", "team/api")).contains(connection("api", "1", null));
    assertThat(memory.recall("a", "team/other")).isEmpty();
    assertThat(memory.recall("b", "team/api")).as("a resource that never wrote through it").isEmpty();
  }

  @Test
  void theNewestConnectionSeenThroughASecretIsKept() {
    memory.wrote("a", connection("api", "1", null));
    memory.wrote("b", connection("api", "2", null));
    assertThat(memory.recall("a", "team/api")).contains(connection("api", "2", null));
    assertThat(memory.size()).isEqualTo(1);
  }

  @Test
  void aConnectionIsDroppedWhenTheLastResourceThatWroteThroughItIsGone() {
    memory.wrote("a", connection("api", "1", null));
    memory.wrote("b", connection("api", "1", null));
    memory.forget("a");
    assertThat(memory.recall("b", "team/api")).isPresent();
    memory.forget("b");
    assertThat(memory.size()).isZero();
    assertThat(memory.recall("b", "team/api")).isEmpty();
  }

  @Test
  void aResourceThatMovesToAnotherSecretLeavesTheFirst() {
    memory.wrote("a", connection("api", "1", null));
    memory.wrote("a", connection("other", "1", null));
    assertThat(memory.recall("a", "team/api")).isEmpty();
    assertThat(memory.recall("a", "team/other")).isPresent();
    assertThat(memory.size()).isEqualTo(1);
  }

  @Test
  void retainOnlyForgetsResourcesThatLeftUnseen() {
    memory.wrote("a", connection("api", "1", null));
    memory.wrote("b", connection("other", "1", null));
    memory.retainOnly(Set.of("b")::contains);
    assertThat(memory.size()).isEqualTo(1);
    assertThat(memory.recall("a", "team/api")).isEmpty();
    assertThat(memory.recall("b", "team/other")).isPresent();
  }
}
