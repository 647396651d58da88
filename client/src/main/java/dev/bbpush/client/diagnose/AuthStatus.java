package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.ProviderOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code bbpush auth status} shows, as data: every credential source's outcome, the active credential and what
 * Bitbucket says about it (account, credential type, scopes, expiry when known), and for each repository whether push
 * and pull-request creation would work. Built from {@link Doctor} runs plus a {@code GET /user} for the account.
 */
public final class AuthStatus {
    private AuthStatus() {}

    /**
     * The account a credential acts as.
     *
     * @param username the Bitbucket username (empty for an app user)
     * @param displayName the display name
     * @param email the primary email, when the credential may read it ({@code read:user:bitbucket} / {@code email})
     * @param appUser whether this is an {@code app_user} (client-credentials OAuth), not a person's account
     */
    public record Account(String username, String displayName, Optional<String> email, boolean appUser) {}

    /**
     * What Bitbucket reported about the credential.
     *
     * @param credentialType {@code X-Credential-Type}, e.g. {@code api_token}
     * @param scopes {@code X-OAuth-Scopes} as granted
     * @param account the account, when {@code GET /user} answered
     * @param expiry when the credential expires, when known (OAuth tokens: {@code expires_in} or the JWT's {@code exp};
     *     Bitbucket does not report API-token or access-token expiry)
     */
    public record ServerView(
            Optional<String> credentialType,
            Optional<List<String>> scopes,
            Optional<Account> account,
            Optional<Instant> expiry) {
        static final ServerView NONE =
                new ServerView(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * One repository's checks.
     *
     * @param repository the repository
     * @param push whether pushing would work (scopes and write permission)
     * @param pullRequest whether creating pull requests would work (scopes and read permission)
     */
    public record RepositoryStatus(RepositoryRef repository, Diagnosis push, Diagnosis pullRequest) {
        public boolean ok() {
            return push.ok() && pullRequest.ok();
        }
    }

    /**
     * The whole report.
     *
     * @param sources every credential source's outcome, in precedence order (empty for an explicit credential)
     * @param credential the doctor's verdict on the active credential (without a repository)
     * @param server what Bitbucket reported about it
     * @param repositories one entry per repository asked about
     */
    public record Report(
            List<ProviderOutcome> sources,
            Diagnosis credential,
            ServerView server,
            List<RepositoryStatus> repositories) {
        public Report {
            sources = List.copyOf(sources);
            repositories = List.copyOf(repositories);
        }

        /** False when anything is wrong: a failed source, a refused credential, or a repository check. */
        public boolean ok() {
            return sources.stream().noneMatch(o -> o.status() == ProviderOutcome.Status.FAILED)
                    && credential.ok()
                    && repositories.stream().allMatch(RepositoryStatus::ok);
        }
    }

    /**
     * Checks the context's credential and each repository. Makes a few GET requests per repository (two doctor runs:
     * push, pull requests) and at most two for the account, over one connection pool; an OAuth consumer's token is
     * requested once for the whole report.
     */
    public static Report check(DoctorContext ctx, List<RepositoryRef> repositories) {
        Objects.requireNonNull(ctx, "ctx");
        DoctorContext base = ctx.toBuilder()
                .repository(null)
                .git(false)
                .checkUrl(null)
                .operations(EnumSet.of(Operation.PUSH))
                .build();
        Diagnosis credential;
        ServerView server;
        List<RepositoryStatus> repos = new ArrayList<>();
        // One transport (one connection pool) and, for an OAuth consumer, one token for every run of the report.
        try (DoctorSession session = new DoctorSession(base)) {
            credential = Doctor.diagnose(base, session);
            server = new DoctorRun(base, session).serverView();
            for (RepositoryRef r : repositories) {
                Diagnosis push = Doctor.diagnose(
                        base.toBuilder()
                                .repository(r)
                                .operations(EnumSet.of(Operation.PUSH))
                                .build(),
                        session);
                Diagnosis pr = Doctor.diagnose(
                        base.toBuilder()
                                .repository(r)
                                .operations(EnumSet.of(Operation.PULL_REQUEST))
                                .build(),
                        session);
                repos.add(new RepositoryStatus(r, push, pr));
            }
        }
        return new Report(ctx.resolution().map(res -> res.outcomes()).orElse(List.of()), credential, server, repos);
    }
}
