package dev.bbpush.emulator.auth;

import java.util.List;

/**
 * Why a Git smart-HTTP request is refused, in the form Bitbucket answers it: a status, the lines the
 * git client prints as {@code remote: …}, and whether to send the Basic challenge (a 401 without it
 * makes git give up instead of trying credentials; see java-stack-notes.md).
 */
public final class GitRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> remoteLines;
    private final boolean challenge;
    private final String reason;

    public GitRefusal(int status, List<String> remoteLines, boolean challenge, String reason) {
        super(status + " " + reason, null, false, false);
        this.status = status;
        this.remoteLines = List.copyOf(remoteLines);
        this.challenge = challenge;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** The message lines, without the {@code remote: } prefix git adds. */
    public List<String> remoteLines() {
        return remoteLines;
    }

    public boolean challenge() {
        return challenge;
    }

    /** Why, for the emulator's log (names the credential, never its secret). */
    public String reason() {
        return reason;
    }
}
