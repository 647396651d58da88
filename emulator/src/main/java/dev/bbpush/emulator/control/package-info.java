/**
 * The control API, in-process and over HTTP under {@code /_emulator/}: scripted {@link
 * dev.bbpush.emulator.control.Fault}s (status codes, rate limits, connection resets, commit-then-reset) added through
 * {@link dev.bbpush.emulator.control.Faults}, and the request {@link dev.bbpush.emulator.control.Journal} of {@link
 * dev.bbpush.emulator.control.JournalEntry}s with secrets redacted. API: {@code Fault} (+ {@code Builder}), {@code
 * Faults}, {@code Journal}, {@code JournalEntry}, {@code WorldSummary}; the servlet and response wrappers are wiring.
 * Thread-safe: faults and the journal are shared by concurrent requests; a request is journaled just after its
 * response is written, so read the journal with its waiting methods ({@code await}, {@code takeRequest}).
 */
package dev.bbpush.emulator.control;
