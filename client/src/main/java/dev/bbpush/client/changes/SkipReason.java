package dev.bbpush.client.changes;

/** Why a file found while walking a directory is not part of the change set. */
public enum SkipReason {
    /** A {@code .git} directory or file (repository metadata is never pushed). */
    GIT_METADATA,
    /** The walked directory's own {@code .bbpushignore} file. */
    CONTROL_FILE,
    /** Matched by {@code .bbpushignore}. */
    IGNORED,
    /** Matched by an {@code --exclude} pattern. */
    EXCLUDED,
    /** {@code --include} patterns were given and none matched. */
    NOT_INCLUDED,
    /** Matched by the Terraform profile (state, plans, {@code .terraform/}, crash logs, CLI config). */
    TERRAFORM_PROFILE,
    /** Not a regular file, directory or symlink (a FIFO, socket or device). */
    SPECIAL_FILE
}
