package dev.bbpush.emulator.store;

/**
 * One file of a diffstat, without its line counts (see {@link Diffstat#lines}).
 *
 * @param status how the file changed
 * @param oldPath the path on the old side, or {@code null} when the file was added
 * @param newPath the path on the new side, or {@code null} when the file was removed
 */
public record DiffstatEntry(Status status, String oldPath, String newPath) {
    /** Bitbucket's diffstat statuses (bitbucket-cloud-rest.md §6.3); a copy counts as added. */
    public enum Status {
        ADDED("added"),
        REMOVED("removed"),
        MODIFIED("modified"),
        RENAMED("renamed");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        /** The value of the {@code status} field. */
        public String wire() {
            return wire;
        }
    }

    /**
     * Lines added and removed in one file.
     *
     * @param added lines only on the new side
     * @param removed lines only on the old side
     */
    public record Lines(int added, int removed) {}
}
