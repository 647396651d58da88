package dev.bbpush.client.diagnose;

import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.TransportException;
import java.util.Objects;

/**
 * The auth doctor: explains why Bitbucket Cloud refuses (or would refuse) a credential, as a {@link Diagnosis}. It
 * never prints and never changes anything remotely.
 *
 * <p>The decision procedure (reference: bitbucket-cloud-auth.md §3, §5, §12, §13):
 *
 * <ol>
 *   <li><b>Local evidence first</b>: the API URL's form (no {@code /2.0}, a Data Center {@code /rest/api/1.0} path,
 *       {@code bitbucket.org} instead of {@code api.bitbucket.org}); the secret's shape and length ({@code ATATT…}
 *       API token ~190 characters, {@code ATCTT…} access token, {@code ATBB…} app password, JWT-style OAuth token,
 *       32-character consumer secret); whether the identity is an email; paste repairs; where the credential came
 *       from and which sources failed.
 *   <li><b>Bounded probes</b>: at most {@link DoctorContext#MAX_REQUESTS} requests per run, one attempt each, GET only
 *       (plus the OAuth client-credentials token request, which mints a token and writes no repository data). The
 *       repository itself is probed ({@code GET /2.0/repositories/{ws}/{repo}}), not {@code /2.0/user}: many tokens
 *       lack {@code read:user:bitbucket} and access tokens may not call it (lesson 4). A 429 stops probing.
 *   <li><b>Bitbucket's answer decides</b>, read by status and its own words: 401 bodies and challenges (account
 *       password text, app-password deprecation, {@code OAuth realm} expiry, {@code Token is invalid…} for Bearer,
 *       an empty Basic challenge judged with the secret's shape and identity), 403 messages (scopes, mechanism, IP
 *       allowlist, two-step verification, write access, {@code Forbidden} without {@code /2.0}), 404 (investigated
 *       with {@code /2.0/repositories/{ws}}, {@code /2.0/user/workspaces} and
 *       {@code /2.0/user/workspaces/{ws}/permissions/repositories} to tell a misspelling from a missing permission),
 *       410 (REST: removed endpoint; Git: app password), 429, 5xx and transport failures (never an auth verdict).
 *   <li><b>Scopes per operation</b> from a table derived from the OpenAPI document, never from one error's
 *       {@code detail} alone; permission for push; optionally Git ({@code info/refs?service=git-upload-pack}).
 *   <li><b>Variants</b> (the same secret as Basic instead of Bearer, Git with another username) only when {@link
 *       DoctorContext#probeVariants()} is set.
 *   <li>When nothing explains the evidence, the verdict is {@link Cause#UNKNOWN} with the raw evidence: never a guess.
 * </ol>
 *
 * <p>Every text of a diagnosis is scrubbed of the secrets the doctor handled (masked as prefix + stars).
 */
public final class Doctor {
    private Doctor() {}

    /**
     * Examines the context's credential against its repository (or {@code /2.0/user} without one).
     *
     * @return the verdict; never throws for Bitbucket's refusals or network failures (they are verdicts)
     */
    public static Diagnosis diagnose(DoctorContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        try (DoctorSession session = new DoctorSession(ctx)) {
            return diagnose(ctx, session);
        }
    }

    /** A run of {@link #diagnose(DoctorContext)} over a session other runs of the same command share. */
    static Diagnosis diagnose(DoctorContext ctx, DoctorSession session) {
        return new DoctorRun(ctx, session).diagnose();
    }

    /**
     * Explains a refusal another part of bbpush (e.g. {@code push}) got, so no command shows a bare 401. The failure
     * is the first evidence; the doctor may add a few probes with the context's credential to pin the cause down (for a
     * 404 it checks the credential on the repository first: an unscoped token or a missing auth scheme also gets 404).
     */
    public static Diagnosis explain(BitbucketApiException failure, DoctorContext ctx) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(ctx, "ctx");
        try (DoctorSession session = new DoctorSession(ctx)) {
            return new DoctorRun(ctx, session).explain(failure);
        }
    }

    /** Explains a request that got no answer (TLS, proxy, DNS, refused connection, timeout). Makes no request. */
    public static Diagnosis explain(TransportException failure, DoctorContext ctx) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(ctx, "ctx");
        try (DoctorSession session = new DoctorSession(ctx)) {
            return new DoctorRun(ctx, session).explain(failure);
        }
    }
}
