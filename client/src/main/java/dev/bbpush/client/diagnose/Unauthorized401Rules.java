package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.bitbucketEnvelope;
import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.internal.RefusalTexts;
import dev.bbpush.client.internal.RunTexts;
import dev.bbpush.client.internal.UnauthorizedTexts;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * 401: Bitbucket's own words first (account password, app-password deprecation, OAuth expiry), then the scheme the
 * credential was sent with and the secret's shape (reference: bitbucket-cloud-auth.md §2, §5). The API-token cases
 * sent as Basic live in {@link ApiTokenRules}.
 */
final class Unauthorized401Rules {
    private Unauthorized401Rules() {}

    static Verdict judge(RunState run, Answer a) {
        return bitbucketSays(run, a)
                .or(() -> fromBitbucket(a) ? Verdict.none() : Optional.of(notFromBitbucket(a)))
                .or(() -> oauthExpiry(run, a))
                .or(() -> consumerTokenRefused(run, a))
                .or(() -> run.facts.scheme().equals("Bearer") ? Optional.of(bearer(run, a)) : basic(run, a))
                .orElseGet(() -> Verdict.unknown(RefusalTexts.Doctor.unrecognisedSecret(said(a))));
    }

    /** Bitbucket's plain words: an account password, or a deprecated app password. */
    private static Optional<Verdict> bitbucketSays(RunState run, Answer a) {
        if (a.textContains(RefusalTexts.SAYS_ACCOUNT_PASSWORD)) {
            return Verdict.found(
                    Cause.ACCOUNT_PASSWORD_REJECTED,
                    RefusalTexts.Doctor.accountPassword(),
                    Fixes.join(run.fixes.newApiToken(run.pushScopes(true))));
        }
        if (a.textContains(RefusalTexts.SAYS_APP_PASSWORD_DEPRECATED)) {
            return Optional.of(appPasswordRemoved(run, a));
        }
        return Verdict.none();
    }

    /**
     * Whether a 401 carries Bitbucket's signature (reference §5): its challenge realm ({@code Basic}/{@code OAuth
     * realm="Bitbucket.org HTTP"}), its JSON error body, or its plain-text account-password notice. A 401 with none of
     * them may come from a proxy or another server, and says nothing about the credential.
     */
    static boolean fromBitbucket(Answer a) {
        boolean challenge = a.header("WWW-Authenticate")
                .map(h -> h.contains("Bitbucket.org"))
                .orElse(false);
        return challenge || bitbucketEnvelope(a) || a.textContains(RefusalTexts.SAYS_ACCOUNT_PASSWORD);
    }

    private static Verdict notFromBitbucket(Answer a) {
        return Verdict.unknown(RefusalTexts.Doctor.notFromBitbucket(said(a)));
    }

    private static Optional<Verdict> oauthExpiry(RunState run, Answer a) {
        boolean oauthChallenge =
                a.header("WWW-Authenticate").map(h -> h.startsWith("OAuth")).orElse(false);
        return oauthChallenge || a.message().startsWith(UnauthorizedTexts.SAYS_ACCESS_TOKEN_EXPIRED)
                ? Optional.of(oauthExpired(run, a))
                : Verdict.none();
    }

    private static Optional<Verdict> consumerTokenRefused(RunState run, Answer a) {
        if (run.facts.kind() != CredentialKind.OAUTH_CLIENT_CREDENTIALS) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.TOKEN_EXPIRED_OR_REVOKED, RefusalTexts.Doctor.consumerTokenRefused(said(a)), bearerTokenFix(run));
    }

    // ---------------------------------------------------------------- sent as Bearer

    private static Verdict bearer(RunState run, Answer a) {
        Optional<Verdict> byShape = switch (run.facts.shape()) {
            case API_TOKEN -> Optional.of(ApiTokenRules.sentAsBearer(run, a));
            case APP_PASSWORD -> Optional.of(appPasswordRemoved(run, a));
            case OAUTH_ACCESS_TOKEN ->
                run.tokenExpiry.map(e -> !e.isAfter(run.ctx.clock().instant())).orElse(false)
                        ? Optional.of(oauthExpired(run, a))
                        : Verdict.none();
            default -> Verdict.none();
        };
        return byShape.orElseGet(() -> new Verdict(
                Cause.TOKEN_EXPIRED_OR_REVOKED,
                false,
                RefusalTexts.Doctor.bearerTokenRefused(Secret.mask(run.facts.secret()), said(a), run.tokenExpiry),
                bearerTokenFix(run)));
    }

    // ---------------------------------------------------------------- sent as Basic

    private static Optional<Verdict> basic(RunState run, Answer a) {
        Facts facts = run.facts;
        TokenShape shape = facts.shape();
        if (shape == TokenShape.ACCESS_TOKEN || shape == TokenShape.OAUTH_ACCESS_TOKEN) {
            basicToBearerVariant(run);
            return Optional.of(accessTokenAsBasic(run, a));
        }
        if (shape == TokenShape.OAUTH_CONSUMER_SECRET && !TokenShape.isEmail(facts.identity())) {
            return Optional.of(consumerKeyAsCredential(run, a));
        }
        if (shape == TokenShape.APP_PASSWORD
                || (facts.kind() == CredentialKind.APP_PASSWORD
                        && shape == TokenShape.OTHER
                        && a.message().isEmpty())) {
            return Optional.of(appPasswordRemoved(run, a));
        }
        if (shape == TokenShape.API_TOKEN) {
            return Optional.of(ApiTokenRules.sentAsBasic(run, a));
        }
        return Verdict.none();
    }

    private static Verdict accessTokenAsBasic(RunState run, Answer a) {
        boolean accessToken = run.facts.shape() == TokenShape.ACCESS_TOKEN;
        return new Verdict(
                Cause.ACCESS_TOKEN_NEEDS_BEARER,
                false,
                RefusalTexts.Doctor.accessTokenAsBasic(accessToken, run.facts.identity(), said(a)),
                Fixes.join(List.of(
                        run.fixes.set(Setting.ACCESS_TOKEN, RunTexts.SAME_TOKEN) + insteadOf(run),
                        run.fixes.unsetLegacy(),
                        RefusalTexts.Doctor.accessTokenAsBasicCurl())));
    }

    /** {@code   # instead of NAME, …} naming where the credential came from, or nothing. */
    static String insteadOf(RunState run) {
        List<String> names = run.source().names();
        return names.isEmpty() ? "" : UnauthorizedTexts.insteadOf(names);
    }

    /** With {@code --probe-variants}: the same token as Bearer; an observation only. */
    private static void basicToBearerVariant(RunState run) {
        if (!run.ctx.probeVariants() || !run.prober.canSend(1)) {
            return;
        }
        Secret bearer = Secret.of("Bearer " + run.facts.secret());
        run.redactor.add(bearer);
        URI u = run.ctx.repository().map(run::repoUrl).orElse(run.endpoint("user"));
        run.prober
                .get(u, bearer, UnauthorizedTexts.VARIANT_AS_BEARER)
                .flatMap(Prober.Result::answer)
                .ifPresent(a -> run.observe(UnauthorizedTexts.asBearerAnswers(a.status(), a.credentialType())));
    }

    // ---------------------------------------------------------------- verdicts shared with Git

    static Verdict appPasswordRemoved(RunState run, Answer a) {
        return new Verdict(
                Cause.APP_PASSWORD_REMOVED,
                false,
                RefusalTexts.Doctor.appPasswordRemoved(Secret.mask(run.facts.secret()), a.status(), said(a)),
                Fixes.join(run.fixes.newApiToken(run.pushScopes(true)))
                        + RefusalTexts.Doctor.appPasswordRemovedFixTail());
    }

    static Verdict oauthExpired(RunState run, Answer a) {
        String when = run.tokenExpiry.map(UnauthorizedTexts::expiredAt).orElse("");
        return new Verdict(
                Cause.OAUTH_TOKEN_EXPIRED,
                false,
                RefusalTexts.Doctor.oauthTokenExpired(said(a), a.header("WWW-Authenticate"), when),
                Fixes.join(List.of(
                        RefusalTexts.Doctor.oauthTokenExpiredFix(),
                        run.fixes.set(Setting.OAUTH_CLIENT_ID, RunTexts.CONSUMER_KEY),
                        RefusalTexts.EXPORT_CONSUMER_SECRET)));
    }

    static Verdict consumerKeyAsCredential(RunState run, Answer a) {
        String identity = run.facts.identity();
        return new Verdict(
                Cause.OAUTH_CONSUMER_KEY_AS_CREDENTIAL,
                false,
                RefusalTexts.Doctor.consumerKeyAsCredential(identity, a.status(), said(a)),
                Fixes.join(List.of(
                        RefusalTexts.Doctor.consumerKeyAsCredentialFix(),
                        run.fixes.set(Setting.OAUTH_CLIENT_ID, identity.isEmpty() ? RunTexts.CONSUMER_KEY : identity),
                        RefusalTexts.EXPORT_CONSUMER_SECRET,
                        run.fixes.unsetLegacy(),
                        RefusalTexts.Doctor.consumerKeyAsCredentialCurl())));
    }

    static String bearerTokenFix(RunState run) {
        if (run.facts.shape() == TokenShape.OAUTH_ACCESS_TOKEN) {
            return Fixes.join(List.of(
                    RefusalTexts.Doctor.newOauthAccessToken(),
                    run.fixes.set(Setting.OAUTH_CLIENT_ID, RunTexts.CONSUMER_KEY),
                    RefusalTexts.EXPORT_CONSUMER_SECRET));
        }
        return Fixes.join(
                List.of(RefusalTexts.Doctor.newAccessToken(), run.fixes.set(Setting.ACCESS_TOKEN, RunTexts.NEW_TOKEN)));
    }
}
