package dev.bbpush.client.push;

/**
 * How many HTTP requests a push sent: {@code rest} to the REST API (every attempt, retries included; OAuth token
 * requests are not counted) and {@code git} to Git smart HTTP (one per HTTP request JGit made).
 */
public record RequestCounts(int rest, int git) {
    /** {@code rest + git}. */
    public int total() {
        return rest + git;
    }
}
