package dev.bbpush.client.diagnose;

import dev.bbpush.client.internal.RunTexts;
import java.util.Objects;
import java.util.Optional;

/**
 * What a doctor rule concludes: the {@link Cause}, whether the credential works for what was asked, what happened
 * and the fix. Texts are raw here; {@link RunState#diagnosis} scrubs them when it builds the {@link Diagnosis}.
 *
 * <p>A rule returns {@code Optional<Verdict>}: empty when it does not apply, so the next rule is asked (first verdict
 * wins, see {@link Optional#or}).
 */
record Verdict(Cause cause, boolean ok, String summary, String fix) {
    Verdict {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(fix, "fix");
    }

    /** A problem found: {@code cause} explains the refusal. */
    static Optional<Verdict> found(Cause cause, String summary, String fix) {
        return Optional.of(new Verdict(cause, false, summary, fix));
    }

    /** The credential works for what was asked ({@code cause} may still name something to fix). */
    static Optional<Verdict> works(Cause cause, String summary, String fix) {
        return Optional.of(new Verdict(cause, true, summary, fix));
    }

    /** Nothing explains the evidence: {@link Cause#UNKNOWN}, never a guess. */
    static Verdict unknown(String summary) {
        return new Verdict(Cause.UNKNOWN, false, RunTexts.unknown(summary), "");
    }

    /** This rule does not apply. */
    static Optional<Verdict> none() {
        return Optional.empty();
    }
}
