package io.mdbops.integrations.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This replica's name: the pod name when running in Kubernetes. */
final class Identity {

  private Identity() {}

  static String current() {
    String pod = System.getenv("POD_NAME");
    if (pod != null && !pod.isBlank()) {
      return pod;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "integrations-operator-" + UUID.randomUUID().toString().substring(0, 8);
    }
  }
}
