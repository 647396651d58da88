package dev.bbpush.client.push;

import dev.bbpush.client.error.BbpushException;

/**
 * The push cannot be done as asked, given what is on Bitbucket (e.g. the base branch does not exist, or the pull
 * request's source and destination are the same branch). Nothing was written. The message names the fix.
 */
public final class PushRefusedException extends BbpushException {
    private static final long serialVersionUID = 1L;

    public PushRefusedException(String message) {
        super(message);
    }
}
