package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.bitbucketEnvelope;
import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.error.TransportException;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
                && a.message().equals("Forbidden")
                && a.credentialType().isEmpty()
                && bitbucketEnvelope(a);
        return urlLooksWrong || bareForbidden ? Optional.of(wrongApiHostVerdict(run, a)) : Verdict.none();
    }

    static Verdict wrongApiHostVerdict(RunState run, Answer a) {
        return new Verdict(
                Cause.WRONG_API_HOST,
                false,
                "The API URL " + run.ctx.apiUrl() + " is not Bitbucket Cloud's REST API: "
                        + run.urlProblem.orElse("a REST path without /2.0 gets 403 \"Forbidden\"")
                        + ". It answered " + a.status() + said(a) + ".",
                Fixes.join(List.of(
                        run.fixes.set(Setting.API_URL, "https://api.bitbucket.org/2.0")
                                + "   # or unset it: that is the default",
                        "A local emulator's URL is http://127.0.0.1:<port>/2.0 (printed by: bbpush emulator)")));
    }

    /** A 2xx that is not the JSON the REST API documents (or the failure being explained succeeded). */
    static Optional<Verdict> unexpectedSuccess(RunState run, Answer a, RequestTarget target) {
        if (!a.isSuccess()) {
            return Verdict.none();
        }
        if (target == RequestTarget.EXPLAINED) {
            return Verdict.found(
                    Cause.UNKNOWN,
                    "The request being explained succeeded (" + a.status() + "); nothing to explain.",
                    "");
        }
        if (run.urlProblem.isPresent()) {
            return Optional.of(wrongApiHostVerdict(run, a));
        }
        return Verdict.found(
                Cause.UNKNOWN,
                "Bitbucket answered " + a.status() + " but not with the JSON the REST API "
                        + "documents: the API URL may point at something else (a proxy, a web page).",
                "Check --api-url / BBPUSH_API_URL (Bitbucket Cloud: https://api.bitbucket.org/2.0).");
    }

    static Optional<Verdict> proxyAuthentication(Answer a) {
        if (a.status() != 407) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.TLS_OR_PROXY_FAILURE,
                "A proxy asked for authentication (407 Proxy Authentication "
                        + "Required); the request never reached Bitbucket.",
                "Configure the proxy's credentials, or run from a "
                        + "network that reaches api.bitbucket.org directly.");
    }

    static Optional<Verdict> serverError(Answer a) {
        if (a.status() < 500) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.UNKNOWN,
                "Bitbucket failed with " + a.status() + said(a) + ". A server-side problem "
                        + "says nothing about the credential.",
                "Try again later; check https://bitbucket.status.atlassian.com for incidents.");
    }

    static Optional<Verdict> redirect(Answer a) {
        if (a.status() < 300 || a.status() >= 400) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.UNKNOWN,
                "The API URL answered with a redirect (" + a.status()
                        + a.header("Location").map(l -> " to " + l).orElse("")
                        + "); Bitbucket's REST API does not redirect.",
                "Check --api-url / BBPUSH_API_URL (Bitbucket Cloud: https://api.bitbucket.org/2.0).");
    }

    /** 410: on Git an app password (see {@link GitRules}); on REST a removed endpoint (CHANGE-2770). */
    static Verdict gone(RunState run, Answer a) {
        if (a.isGit()) {
            return GitRules.judge(run, a, false);
        }
        String path = a.apiPath(run.ctx.apiUrl());
        String replacement = switch (path) {
            case "/workspaces", "/user/permissions/workspaces" ->
                "GET /2.0/user/workspaces (and GET /2.0/user/workspaces/{workspace}/permission for your role)";
            case "/user/permissions/repositories" ->
                "GET /2.0/user/workspaces/{workspace}/permissions/repositories, once per workspace";
            case "/repositories" ->
                "GET /2.0/user/workspaces, then GET /2.0/repositories/{workspace}?role=member per workspace";
            default -> "see the changelog entry";
        };
        return new Verdict(
                Cause.ENDPOINT_REMOVED,
                false,
                a.method() + " " + path + " answered 410 Gone" + said(a)
                        + ": Bitbucket removed the cross-workspace endpoints "
                        + "(CHANGE-2770, from April 2026). This is not a credential problem. Replacement: "
                        + replacement + ".",
                "Update the tool (or script) that calls " + path + " to use " + replacement + ".\n"
                        + "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770");
    }

    /** 429: which allowance, counted against whom, and when it frees up. The doctor stops probing. */
    static Verdict rateLimited(RunState run, Answer a) {
        String path = a.isGit() ? "" : a.apiPath(run.ctx.apiUrl());
        String resourceClass = a.isGit()
                ? "Git operations (60,000 requests/hour)"
                : path.startsWith("/repositories/")
                        ? "repository data, the \"api\" group (1,000 requests/hour; 1,000-10,000 "
                                + "scaled for access tokens)"
                        : "API requests (1,000/hour)";
        String counted = switch (run.facts.kind()) {
            case ACCESS_TOKEN -> "this access token's own allowance";
            case OAUTH_CLIENT_CREDENTIALS, OAUTH_ACCESS_TOKEN -> "the OAuth consumer (all its users together)";
            default -> "the account (every API token and app password of the user together)";
        };
        Optional<Long> wait = a.header("Retry-After")
                .flatMap(ServiceRules::seconds)
                .or(() -> a.header("X-RateLimit-Reset").flatMap(ServiceRules::seconds));
        String reset = wait.map(s -> "Bitbucket asked to wait " + s + " s (until about "
                        + run.ctx.clock().instant().plusSeconds(s).truncatedTo(ChronoUnit.SECONDS) + ").")
                .orElse("The window is a rolling hour: requests become possible again as older ones age out (within an "
                        + "hour).");
        return new Verdict(
                Cause.RATE_LIMITED,
                false,
                "Rate limited (429" + said(a) + ") on " + resourceClass + ", counted against " + counted + ". " + reset
                        + a.header("X-RateLimit-Limit")
                                .map(l -> " Limit: " + l + "/hour.")
                                .orElse("")
                        + " The doctor stopped probing.",
                "Wait, then try again; spread automated jobs out.\nAtlassian support cannot raise the limits. Access tokens "
                        + "get their own, scaled allowance on Standard/Premium workspaces (1,000 + 10 per paid seat above 100, "
                        + "up to 10,000 requests/hour), so a CI job with an access token does not eat your account's allowance.");
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
