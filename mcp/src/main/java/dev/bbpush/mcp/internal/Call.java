package dev.bbpush.mcp.internal;

import dev.bbpush.client.diagnose.Operation;
import dev.bbpush.client.diagnose.RepositoryRef;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one tool call is about, as far as its handler got before failing: the repository and the operations, so the
 * auth doctor can explain a refusal in context (as {@code bbpush push} does with {@code --repo} and {@code --pr}).
 * Confined to the call's thread.
 */
final class Call {
  private RepositoryRef repository;
  private Set<Operation> operations = EnumSet.of(Operation.READ);

  void about(RepositoryRef repository, Set<Operation> operations) {
    this.repository = repository;
    this.operations = EnumSet.copyOf(operations);
  }

  Optional<RepositoryRef> repository() {
    return Optional.ofNullable(repository);
  }

  Set<Operation> operations() {
    return operations;
  }
}
