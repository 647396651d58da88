package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.http.ApiError;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every authentication or authorization refusal with the rule that fired and the credential's
 * name (never its secret), and attaches the same explanation to the refusal for the servlet's log.
 */
final class AuthLog {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private AuthLog() {}

    /**
     * @param rule a short stable name of the rule, e.g. {@code api-token-identity}
     * @param who the credential's name or a description without secrets
     * @param why what the caller did, in words a developer reads
     */
    static ApiError rest(ApiError e, String rule, String who, String why) {
        LOG.info("REST {} refused by rule {} for {}: {}", e.status(), rule, who, why);
        return e.reason("[" + rule + "] " + who + ": " + why);
    }

    static GitRefusal git(
            int status, List<String> remoteLines, boolean challenge, String rule, String who, String why) {
        LOG.info("Git {} refused by rule {} for {}: {}", status, rule, who, why);
        return new GitRefusal(status, remoteLines, challenge, "[" + rule + "] " + who + ": " + why);
    }

    static void note(String message, Object... args) {
        LOG.info(message, args);
    }
}
