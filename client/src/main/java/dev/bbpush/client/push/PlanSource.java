package dev.bbpush.client.push;

/** How a push learns what is on the remote branch (see docs/push.md, "The plan"). */
public enum PlanSource {
    /**
     * Git smart HTTP first (a shallow, blobless fetch of the head's tree; cost independent of the number of files),
     * and the REST listing when Git is unavailable. The default.
     */
    AUTO,
    /** Git smart HTTP only; a Git failure fails the push. */
    GIT,
    /** The REST listing only ({@code GET …/src/{sha}/{dir}/}); cost grows with the number of files. */
    REST
}
