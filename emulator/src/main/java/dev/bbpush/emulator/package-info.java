/**
 * A faithful local Bitbucket Cloud for tests and demos: {@link dev.bbpush.emulator.Emulator} serves REST under
 * {@code /2.0}, Git smart HTTP and the control API on a loopback port, from a {@code World} (users, credentials,
 * workspaces, repositories, policies). API: {@code Emulator} and its {@code Builder}, {@link
 * dev.bbpush.emulator.EmulatorClock} (move time in tests); the other packages' public types are the emulator's own
 * wiring unless their package says otherwise ({@code junit}, {@code control} and the {@code world.World} model are API). An emulator is
 * thread-safe (it serves concurrent requests) and owns its data directory, deleted by {@code close()} unless one was
 * given. {@code Builder.start()} throws {@link IllegalStateException} when the port cannot be bound and {@link
 * java.io.UncheckedIOException} when the data directory cannot be created. See docs/emulator.md.
 */
package dev.bbpush.emulator;
