package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.bitbucketEnvelope;
import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.internal.ServiceTexts;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Answers that say nothing about the credential: the API URL is not Bitbucket's REST API, a redirect, a proxy's 407,
 * a removed endpoint (410), rate limiting (429), a server failure (5xx), or no answer at all (transport).
 */
final class ServiceRules {
    private ServiceRules() {}

    /** The API URL is not Bitbucket Cloud's REST base (its form says so, or a bare 403 "Forbidden" without /2.0). */
    static Optional<Verdict> wrongApiHost(RunState run, Answer a) {
        int s = a.status();
        boolean urlLooksWrong = run.urlProblem.isPresent()
                && !a.isJsonSuccess()
                && a.credentialType().isEmpty()
                && s != 429;
        boolean bareForbidden = s == 403
                && a.message().equals(ServiceTexts.SAYS_FORBIDDEN)
                && a.credentialType().isEmpty()
                && bitbucketEnvelope(a);
        return urlLooksWrong || bareForbidden ? Optional.of(wrongApiHostVerdict(run, a)) : Verdict.none();
    }

    static Verdict wrongApiHostVerdict(RunState run, Answer a) {
        return new Verdict(
                Cause.WRONG_API_HOST,
                false,
                ServiceTexts.wrongApiHost(run.ctx.apiUrl().toString(), run.urlProblem, a.status(), said(a)),
                Fixes.join(ServiceTexts.wrongApiHostFix(
                        run.fixes.set(Setting.API_URL, BitbucketClient.DEFAULT_API_URL.toString()))));
    }

    /** A 2xx that is not the JSON the REST API documents (or the failure being explained succeeded). */
    static Optional<Verdict> unexpectedSuccess(RunState run, Answer a, RequestTarget target) {
        if (!a.isSuccess()) {
            return Verdict.none();
        }
        if (target == RequestTarget.EXPLAINED) {
            return Verdict.found(Cause.UNKNOWN, ServiceTexts.explainedRequestSucceeded(a.status()), "");
        }
        if (run.urlProblem.isPresent()) {
            return Optional.of(wrongApiHostVerdict(run, a));
        }
        return Verdict.found(Cause.UNKNOWN, ServiceTexts.notRestApiJson(a.status()), ServiceTexts.CHECK_API_URL);
    }

    static Optional<Verdict> proxyAuthentication(Answer a) {
        if (a.status() != 407) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.TLS_OR_PROXY_FAILURE, ServiceTexts.proxyAuthentication(), ServiceTexts.proxyAuthenticationFix());
    }

    static Optional<Verdict> serverError(Answer a) {
        if (a.status() < 500) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.UNKNOWN, ServiceTexts.serverError(a.status(), said(a)), ServiceTexts.TRY_AGAIN_LATER);
    }

    static Optional<Verdict> redirect(Answer a) {
        if (a.status() < 300 || a.status() >= 400) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.UNKNOWN, ServiceTexts.redirect(a.status(), a.header("Location")), ServiceTexts.CHECK_API_URL);
    }

    /** 410: on Git an app password (see {@link GitRules}); on REST a removed endpoint (CHANGE-2770). */
    static Verdict gone(RunState run, Answer a) {
        if (a.isGit()) {
            return GitRules.judge(run, a, false);
        }
        String path = a.apiPath(run.ctx.apiUrl());
        String replacement = switch (path) {
            case "/workspaces", "/user/permissions/workspaces" -> ServiceTexts.REPLACEMENT_FOR_WORKSPACES;
            case "/user/permissions/repositories" -> ServiceTexts.REPLACEMENT_FOR_REPOSITORY_PERMISSIONS;
            case "/repositories" -> ServiceTexts.REPLACEMENT_FOR_REPOSITORIES;
            default -> ServiceTexts.REPLACEMENT_IN_CHANGELOG;
        };
        return new Verdict(
                Cause.ENDPOINT_REMOVED,
                false,
                ServiceTexts.endpointRemoved(a.method(), path, said(a), replacement),
                ServiceTexts.endpointRemovedFix(path, replacement));
    }

    /** 429: which allowance, counted against whom, and when it frees up. The doctor stops probing. */
    static Verdict rateLimited(RunState run, Answer a) {
        String path = a.isGit() ? "" : a.apiPath(run.ctx.apiUrl());
        String resourceClass = a.isGit()
                ? ServiceTexts.RATE_CLASS_GIT
                : path.startsWith("/repositories/")
                        ? ServiceTexts.RATE_CLASS_REPOSITORY_DATA
                        : ServiceTexts.RATE_CLASS_API;
        String counted = switch (run.facts.kind()) {
            case ACCESS_TOKEN -> ServiceTexts.COUNTED_ACCESS_TOKEN;
            case OAUTH_CLIENT_CREDENTIALS, OAUTH_ACCESS_TOKEN -> ServiceTexts.COUNTED_OAUTH_CONSUMER;
            default -> ServiceTexts.COUNTED_ACCOUNT;
        };
        Optional<Long> wait = a.header("Retry-After")
                .flatMap(ServiceRules::seconds)
                .or(() -> a.header("X-RateLimit-Reset").flatMap(ServiceRules::seconds));
        String reset = wait.map(s -> ServiceTexts.rateLimitWait(
                        s, run.ctx.clock().instant().plusSeconds(s).truncatedTo(ChronoUnit.SECONDS)))
                .orElse(ServiceTexts.rateLimitRollingWindow());
        return new Verdict(
                Cause.RATE_LIMITED,
                false,
                ServiceTexts.rateLimited(said(a), resourceClass, counted, reset, a.header("X-RateLimit-Limit")),
                ServiceTexts.rateLimitedFix());
    }

    /** No answer arrived (TLS, proxy, DNS, refused connection, timeout): never an auth verdict. */
    static Verdict transport(TransportException e) {
        Transports.Verdict v = Transports.classify(e);
        return new Verdict(v.cause(), false, v.summary(), v.fix());
    }

    private static Optional<Long> seconds(String v) {
        try {
            return Optional.of(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
