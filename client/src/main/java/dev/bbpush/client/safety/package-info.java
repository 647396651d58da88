/**
 * The checks run before anything leaves the machine: {@link dev.bbpush.client.safety.SafetyScanner} (the Terraform
 * profile and the secret rules) produces a {@link dev.bbpush.client.safety.SafetyReport} of {@link
 * dev.bbpush.client.safety.Finding}s, which {@link dev.bbpush.client.safety.SafetyOverrides} may allow per path and
 * rule (never "disable all"). The rules themselves and the masking are package-private; rule ids are a stable
 * contract listed in docs/safety.md. Findings carry masked matches only, never a secret. The scanner and its
 * results are immutable and thread-safe; {@code scan} throws {@link java.io.IOException} when a file cannot be read.
 */
package dev.bbpush.client.safety;
