package io.mdbops.integrations.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a run may have created in one project, on disk, written before each write that may create
 * something: a run killed outright ({@code kill -9}, a lost machine) leaves it behind, and the next
 * run in that project removes what it lists. Holds the run id and type names only, never a value.
 */
final class LedgerFile {

  /**
   * The file's content.
   *
   * @param runId the run whose values the types were written with
   * @param types the types it may have created and not yet removed
   */
  record Entry(String baseUrl, String projectId, String runId, List<String> types) {
    Entry {
      types = List.copyOf(types);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  /** The ledger of one project at one API, in {@code directory}. */
  LedgerFile(Path directory, String baseUrl, String projectId) {
    this.file = directory.resolve("ledger-" + projectId + "-" + shortHash(baseUrl) + ".json");
  }

  Path path() {
    return file;
  }

  /** What an earlier run left, if its ledger is here. */
  Optional<Entry> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Entry.class));
    } catch (IOException e) {
      throw new DoctorException("cannot read the ledger " + file + " (" + e.getClass().getSimpleName()
          + "); move it away if it is not doctor's");
    }
  }

  /** Writes the entry (atomically where the file system can), or removes the file when nothing is listed. */
  void write(Entry entry) {
    try {
      if (entry.types().isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "ledger-", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; the file holds no secret anyway
      }
      Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry), StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new DoctorException("cannot write the ledger " + file + " (" + e.getClass().getSimpleName()
          + "); doctor writes nothing it could not find again: pass a writable --state-dir");
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
