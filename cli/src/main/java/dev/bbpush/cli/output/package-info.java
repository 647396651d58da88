/**
 * How the CLI shows results and failures, and nothing else: text for people and, with {@code --json}, exactly one
 * pretty-printed JSON document on standard output ({@link dev.bbpush.cli.output.Json}). {@link
 * dev.bbpush.cli.output.PushOutput} renders a push as it happens (plan, safety findings, retries, the upload bar on a
 * terminal only) and its result; {@link dev.bbpush.cli.output.FailureOutput} a failed command ({@code bbpush: what,
 * why, fix}, the doctor's explanation or the exact {@code --allow} flags); {@link
 * dev.bbpush.cli.output.DiagnosisOutput} and {@link dev.bbpush.cli.output.AuthStatusOutput} the doctor's verdicts.
 * JSON shapes come from the library's {@code dev.bbpush.client.json} mappers, shared with the MCP server, and are
 * documented in docs/cli.md. Renderers write only to the {@link java.io.PrintWriter}s they are given, never to the
 * process streams, and print no secret (the library masks them before they get here). They decide no exit code:
 * the command hands {@code FailureOutput} the exit code it chose. The package depends on the library and picocli,
 * never on {@code dev.bbpush.cli}. A renderer serves one command run.
 */
package dev.bbpush.cli.output;
