package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.bitbucketEnvelope;
import static dev.bbpush.client.diagnose.RunState.said;
import static dev.bbpush.client.diagnose.RunState.withQuery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.internal.NotFoundTexts;
import dev.bbpush.client.internal.RunTexts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 404: the repository is invisible to an authenticated credential. Investigated with the workspace's listing, the
 * account's workspaces and its permissions, to tell a misspelled workspace or repository from a missing permission
 * as far as the credential can see (reference: bitbucket-cloud-auth.md §9, §13 lesson 1).
 */
final class NotFoundRules {
    private NotFoundRules() {}

    /** A 404 to one of the doctor's probes (or the failure being explained). */
    static Verdict judge(RunState run, Answer a, RequestTarget target) {
        if (target == RequestTarget.REPOSITORY && a.credentialType().isEmpty() && !bitbucketEnvelope(a)) {
            return Verdict.unknown(NotFoundTexts.notFromBitbucket(a.apiPath(run.ctx.apiUrl()), said(a)));
        }
        if (target == RequestTarget.REPOSITORY) {
            if (a.credentialType().isEmpty() && run.facts != null) {
                // Reference §13 lesson 1: anonymous requests get this 404 too. Our probe sent a credential with a
                // scheme,
                // so Bitbucket must have authenticated it; without the header we cannot tell.
                run.observe(NotFoundTexts.NO_CREDENTIAL_TYPE);
            }
            return investigate(run, run.examined, a.credentialType());
        }
        if (target == RequestTarget.USER) {
            return Verdict.unknown(NotFoundTexts.userNotFound(said(a)));
        }
        return Verdict.unknown(NotFoundTexts.otherNotFound(said(a), a.apiPath(run.ctx.apiUrl())));
    }

    /**
     * Reference §13 lesson 1: "You may not have access..." is also what an unscoped token and a request without an auth
     * scheme get. Check this credential on the repository itself before concluding anything about access.
     */
    static Verdict explain(RunState run, Answer failed, RepositoryRef repo) {
        run.examined = repo;
        Outcome<Answer> r = run.probe(run.repoUrl(repo), NotFoundTexts.canReadProbe(repo.workspace(), repo.slug()));
        if (r.ended()) {
            return r.verdict().get();
        }
        if (!r.value().isJsonSuccess()) {
            return Refusals.judge(run, r.value(), RequestTarget.REPOSITORY);
        }
        String path = failed.apiPath(run.ctx.apiUrl());
        if (path.equals("/repositories/" + repo.workspace() + "/" + repo.slug())) {
            return Verdict.unknown(NotFoundTexts.notMadeWithCredential(
                    repo.workspace(), repo.slug(), failed.credentialType().isEmpty()));
        }
        return Verdict.unknown(NotFoundTexts.notFoundInRepository(repo.workspace(), repo.slug(), path));
    }

    /** What the credential sees of the workspace, for the verdicts below. */
    private record Seen(RepositoryRef repo, List<String> visible, Optional<String> close) {}

    private static Verdict investigate(RunState run, RepositoryRef repo, Optional<String> credentialType) {
        boolean token = run.facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
                || credentialType
                        .map(t -> t.endsWith("access_token"))
                        .orElse(run.facts.kind() == CredentialKind.ACCESS_TOKEN);
        Outcome<Optional<Answer>> listed = run.probeWithinBudget(
                withQuery(run.endpoint("repositories", repo.workspace()), "pagelen=100"),
                NotFoundTexts.workspaceListingProbe(repo.workspace()));
        if (listed.ended()) {
            return listed.verdict().get();
        }
        Optional<Answer> list = listed.value();
        if (list.isPresent() && list.get().status() == 404 && bitbucketEnvelope(list.get())) {
            return workspaceMissing(run, repo, token);
        }
        List<String> visible =
                list.filter(Answer::isJsonSuccess).map(x -> slugs(x.json())).orElse(List.of());
        // The verdict waits for the membership/permission probes and never confidently redirects the push elsewhere.
        Seen seen = new Seen(repo, visible, closest(repo.slug(), visible));
        boolean completeListing = list.filter(Answer::isJsonSuccess)
                .map(x -> !x.json().hasNonNull("next") && anyPrivate(x.json()))
                .orElse(false);
        if (token && credentialType.filter("workspace_access_token"::equals).isPresent() && completeListing) {
            return repositoryMissing(seen);
        }
        if (token) {
            return tokenWrongResource(run, seen);
        }
        return membership(run, seen);
    }

    private static Verdict workspaceMissing(RunState run, RepositoryRef repo, boolean token) {
        Optional<List<String>> memberOf = Optional.empty();
        if (!token) {
            Outcome<Optional<Answer>> ws = run.probeWithinBudget(
                    withQuery(run.endpoint("user", "workspaces"), "pagelen=100"),
                    NotFoundTexts.MEMBER_WORKSPACES_PROBE);
            if (ws.ended()) {
                return ws.verdict().get();
            }
            if (ws.value().isPresent() && ws.value().get().isJsonSuccess()) {
                List<String> slugs = new ArrayList<>();
                for (JsonNode v : ws.value().get().json().path("values")) {
                    slugs.add(v.path("workspace").path("slug").asText(""));
                }
                memberOf = Optional.of(slugs);
            }
        }
        return new Verdict(
                Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                false,
                NotFoundTexts.workspaceMissing(
                        repo.workspace(),
                        repo.slug(),
                        memberOf,
                        memberOf.flatMap(slugs -> closest(repo.workspace(), slugs))),
                NotFoundTexts.workspaceMissingFix());
    }

    /**
     * A workspace access token reaches every repository of its workspace; seeing private repositories means this is
     * its workspace, and the complete listing lacks the slug: the repository does not exist.
     */
    private static Verdict repositoryMissing(Seen seen) {
        RepositoryRef repo = seen.repo();
        return new Verdict(
                Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                false,
                NotFoundTexts.repositoryMissing(repo.workspace(), repo.slug(), seen.visible(), seen.close()),
                NotFoundTexts.repositoryMissingFix(repo.workspace(), seen.close()));
    }

    private static Verdict tokenWrongResource(RunState run, Seen seen) {
        RepositoryRef repo = seen.repo();
        boolean consumer = run.facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS;
        return new Verdict(
                Cause.ACCESS_TOKEN_WRONG_RESOURCE,
                false,
                NotFoundTexts.tokenWrongResource(repo.workspace(), repo.slug(), consumer, seen.visible(), seen.close()),
                consumer
                        ? NotFoundTexts.consumerWrongWorkspaceFix(repo.workspace(), repo.slug())
                        : NotFoundTexts.accessTokenWrongResourceFix(
                                repo.workspace(),
                                repo.slug(),
                                run.fixes.set(Setting.ACCESS_TOKEN, RunTexts.NEW_TOKEN)));
    }

    /** An account: a member of the workspace or not, and its explicit permissions there. */
    private static Verdict membership(RunState run, Seen seen) {
        RepositoryRef repo = seen.repo();
        URI permissions = withQuery(
                run.endpoint("user", "workspaces", repo.workspace(), "permissions", "repositories"), "pagelen=100");
        Outcome<Optional<Answer>> probed =
                run.probeWithinBudget(permissions, NotFoundTexts.permissionsProbe(repo.workspace()));
        if (probed.ended()) {
            return probed.verdict().get();
        }
        Optional<Answer> grants = probed.value();
        if (grants.isPresent() && grants.get().status() == 403) {
            return new Verdict(
                    Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                    false,
                    NotFoundTexts.notMember(
                            repo.workspace(), repo.slug(), !seen.visible().isEmpty(), seen.close()),
                    NotFoundTexts.notMemberFix(repo.workspace(), repo.slug(), seen.close()));
        }
        if (grants.isEmpty() || !grants.get().isJsonSuccess()) {
            // Neither a member (200) nor a non-member (403) answer: do not claim either (never a confident guess).
            return new Verdict(
                    Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                    false,
                    NotFoundTexts.membershipUnchecked(
                            repo.workspace(),
                            repo.slug(),
                            grants.map(g -> g.status() + said(g)),
                            seen.visible(),
                            seen.close()),
                    NotFoundTexts.membershipUncheckedFix(repo.workspace(), repo.slug(), seen.close()));
        }
        List<String> granted = new ArrayList<>();
        for (JsonNode v : grants.get().json().path("values")) {
            granted.add(NotFoundTexts.grant(
                    v.path("repository").path("full_name").asText(""),
                    v.path("permission").asText("")));
        }
        return new Verdict(
                Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                false,
                NotFoundTexts.noAccessAsMember(repo.workspace(), repo.slug(), seen.visible(), granted, seen.close()),
                NotFoundTexts.noAccessAsMemberFix(repo.workspace(), repo.slug(), seen.close()));
    }

    private static boolean anyPrivate(JsonNode page) {
        for (JsonNode v : page.path("values")) {
            if (v.path("is_private").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** The repository slugs of a listing page ({@code slug}, else the part of {@code full_name} after the slash). */
    static List<String> slugs(JsonNode page) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : page.path("values")) {
            String slug = v.path("slug").asText("");
            if (slug.isEmpty()) {
                String full = v.path("full_name").asText("");
                slug = full.contains("/") ? full.substring(full.indexOf('/') + 1) : full;
            }
            if (!slug.isEmpty()) {
                out.add(slug);
            }
        }
        return out;
    }

    /** The candidate closest to {@code name} by edit distance, if close enough to be a typo. */
    static Optional<String> closest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        // Short names are close to many others ("api"/"app"/"web"): allow one edit (or swap) up to 5 characters.
        int allowed = name.length() <= 5 ? 1 : Math.max(2, name.length() / 4);
        return best != null && bestDistance <= allowed && !best.equals(name) ? Optional.of(best) : Optional.empty();
    }

    /** Edit distance counting a swap of two adjacent characters as one edit ("infar" → "infra"). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
