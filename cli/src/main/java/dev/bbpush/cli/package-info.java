/**
 * The {@code bbpush} command line (picocli): {@link dev.bbpush.cli.Main} wires one class per command ({@code push},
 * {@code auth doctor}, {@code auth status}, {@code emulator}, {@code demo}, {@code mcp}); each command turns its
 * options into library calls and leaves rendering to {@code dev.bbpush.cli.output}. What a command may read from the
 * outside world besides its arguments (environment, stdin, whether a person is watching) is a {@link
 * dev.bbpush.cli.CliContext}, so tests run commands in-process with a fixed environment through {@link
 * dev.bbpush.cli.Main#run(String[], java.io.PrintWriter, java.io.PrintWriter, dev.bbpush.client.auth.Environment,
 * java.io.InputStream)}. Exit codes are the documented {@link dev.bbpush.cli.ExitCode}s, mapped from exceptions and
 * verdicts in one place ({@link dev.bbpush.cli.ExitCodes}); a command line bbpush cannot run as given is a {@link
 * dev.bbpush.cli.UsageException} (exit 2). Only {@code Main} and {@code McpCommand} touch the process streams; the
 * environment is read only through {@code Environment}. Tokens are never taken as option values.
 */
package dev.bbpush.cli;
