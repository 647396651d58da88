/**
 * What one commit writes: {@link dev.bbpush.client.changes.ChangeSet} (built with {@link
 * dev.bbpush.client.changes.ChangeSet#builder()} from files, directories, in-memory text and bytes, or stdin; with
 * deletes and mirror deletes), its {@link dev.bbpush.client.changes.FileChange}s and re-openable {@link
 * dev.bbpush.client.changes.ContentSource}s, and the git blob {@link dev.bbpush.client.changes.Fingerprint}s of
 * {@link dev.bbpush.client.changes.LocalTree}. How a change set goes over the wire (the {@code POST /src} body) is the
 * push package's business. Directory walking and filtering are package-private mechanics. A built
 * change set is immutable and may be read from several threads; close it (it may own a spooled stdin file). Bad
 * input throws {@link dev.bbpush.client.changes.InvalidChangeSetException} with a {@code Problem}; a local file that
 * cannot be read, or changes while it is hashed or uploaded, throws {@link
 * dev.bbpush.client.changes.LocalContentException} (or an {@link java.io.IOException} from {@code build()}).
 */
package dev.bbpush.client.changes;
