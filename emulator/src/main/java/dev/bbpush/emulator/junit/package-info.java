/**
 * The JUnit 5 extension: annotate a test class with {@link dev.bbpush.emulator.junit.BitbucketEmulatorTest} to get a
 * running emulator of a named world, started once per class and reset before each test, injected as an {@code
 * Emulator}, {@code Journal} or {@code Faults} parameter. API. Tests in one class share the emulator and must not
 * run in parallel with each other; separate classes get separate emulators on free ports.
 */
package dev.bbpush.emulator.junit;
