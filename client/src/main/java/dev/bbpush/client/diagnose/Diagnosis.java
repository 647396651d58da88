package dev.bbpush.client.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * The doctor's verdict: whether the credential works for what was asked, the one {@link Cause} that explains it, what
 * to do, and the evidence. Holds no secret (see {@link Evidence}).
 *
 * @param ok whether bbpush can do what was asked with this credential. {@code true} with a cause other than {@link
 *     Cause#OK} means it works but something should still be fixed (e.g. {@link Cause#SECRET_PASTE_DAMAGE}: the stored
 *     value is damaged and was repaired only for this run)
 * @param cause the verdict; {@link Cause#UNKNOWN} when the evidence supports none
 * @param summary what happened, in a sentence or three, with Bitbucket's own words where it gave some
 * @param fix copy-pasteable steps (exact variables, scopes, commands), one per line; empty when nothing is to be done
 * @param evidence the requests made and their raw answers, and the local observations, in order
 * @param credential the credential examined
 * @param docs the troubleshooting section for the cause
 */
public record Diagnosis(
        boolean ok,
        Cause cause,
        String summary,
        String fix,
        List<Evidence> evidence,
        CredentialInfo credential,
        String docs) {
    public Diagnosis {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(fix, "fix");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(docs, "docs");
    }

    /** The HTTP exchanges among the evidence. */
    public List<Evidence.Exchange> exchanges() {
        return evidence.stream()
                .filter(Evidence.Exchange.class::isInstance)
                .map(Evidence.Exchange.class::cast)
                .toList();
    }

    @Override
    public String toString() {
        return "Diagnosis[" + (ok ? "ok" : "not ok") + ", " + cause.id() + ": " + summary + "]";
    }
}
