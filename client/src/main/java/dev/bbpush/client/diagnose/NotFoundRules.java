package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.bitbucketEnvelope;
import static dev.bbpush.client.diagnose.RunState.said;
import static dev.bbpush.client.diagnose.RunState.withQuery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Setting;
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
            return Verdict.unknown(
                    "GET " + a.apiPath(run.ctx.apiUrl()) + " answered 404" + said(a) + " without "
                            + "Bitbucket's JSON error body or headers: something other than Bitbucket's REST API may have answered (a "
                            + "proxy, another server at the API URL). Nothing is known about the repository or the credential.");
        }
        if (target == RequestTarget.REPOSITORY) {
            if (a.credentialType().isEmpty() && run.facts != null) {
                // Reference §13 lesson 1: anonymous requests get this 404 too. Our probe sent a credential with a
                // scheme,
                // so Bitbucket must have authenticated it; without the header we cannot tell.
                run.observe("the 404 carries no X-Credential-Type: Bitbucket may not have authenticated the request");
            }
            return investigate(run, run.examined, a.credentialType());
        }
        if (target == RequestTarget.USER) {
            return Verdict.unknown("GET /user answered 404" + said(a) + "; Bitbucket's REST API always has /user.");
        }
        return Verdict.unknown("Bitbucket answered 404" + said(a) + " for " + a.apiPath(run.ctx.apiUrl()) + ".");
    }

    /**
     * Reference §13 lesson 1: "You may not have access..." is also what an unscoped token and a request without an auth
     * scheme get. Check this credential on the repository itself before concluding anything about access.
     */
    static Verdict explain(RunState run, Answer failed, RepositoryRef repo) {
        run.examined = repo;
        Outcome<Answer> r = run.probe(run.repoUrl(repo), "can this credential read " + repo + "?");
        if (r.ended()) {
            return r.verdict().get();
        }
        if (!r.value().isJsonSuccess()) {
            return Refusals.judge(run, r.value(), RequestTarget.REPOSITORY);
        }
        String path = failed.apiPath(run.ctx.apiUrl());
        if (path.equals("/repositories/" + repo.workspace() + "/" + repo.slug())) {
            return Verdict.unknown(
                    "This credential can read " + repo + " (200), so the failed request was not made with it"
                            + (failed.credentialType().isEmpty()
                                    ? ": the 404 carries no X-Credential-Type, so Bitbucket treated that "
                                            + "request as anonymous (no Authorization header, or a token without its 'Bearer '/'Basic ' scheme)"
                                    : "")
                            + ".");
        }
        return Verdict.unknown("This credential can read " + repo + " (200); the 404 is for " + path + ": a branch, "
                + "commit or file that does not exist there, not an access problem.");
    }

    /** What the credential sees of the workspace, for the verdicts below. */
    private record Seen(RepositoryRef repo, String notVisible, List<String> visible, Optional<String> close) {
        /** A close name is only a hint: the named repository may exist and be invisible to this credential. */
        String lookalike() {
            return close.map(c -> " The credential sees '" + repo.workspace() + "/" + c + "', a close name: '"
                            + repo.slug() + "' may be misspelled, or you lack access to it.")
                    .orElse("");
        }

        String ifMeant() {
            return close.map(c -> "If you meant " + repo.workspace() + "/" + c + ", use --repo " + repo.workspace()
                            + "/" + c + ". Otherwise: ")
                    .orElse("");
        }
    }

    private static Verdict investigate(RunState run, RepositoryRef repo, Optional<String> credentialType) {
        String notVisible =
                "Bitbucket answered 404 for " + repo + " (\"You may not have access to this repository or it "
                        + "no longer exists in this workspace…\"), after accepting the credential.";
        boolean token = run.facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
                || credentialType
                        .map(t -> t.endsWith("access_token"))
                        .orElse(run.facts.kind() == CredentialKind.ACCESS_TOKEN);
        Outcome<Optional<Answer>> listed = run.probeWithinBudget(
                withQuery(run.endpoint("repositories", repo.workspace()), "pagelen=100"),
                "does workspace " + repo.workspace() + " exist, and which of its repositories can the "
                        + "credential see?");
        if (listed.ended()) {
            return listed.verdict().get();
        }
        Optional<Answer> list = listed.value();
        if (list.isPresent() && list.get().status() == 404 && bitbucketEnvelope(list.get())) {
            return workspaceMissing(run, repo, notVisible, token);
        }
        List<String> visible =
                list.filter(Answer::isJsonSuccess).map(x -> slugs(x.json())).orElse(List.of());
        // The verdict waits for the membership/permission probes and never confidently redirects the push elsewhere.
        Seen seen = new Seen(repo, notVisible, visible, closest(repo.slug(), visible));
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

    private static Verdict workspaceMissing(RunState run, RepositoryRef repo, String notVisible, boolean token) {
        String suggestion = "";
        if (!token) {
            Outcome<Optional<Answer>> ws = run.probeWithinBudget(
                    withQuery(run.endpoint("user", "workspaces"), "pagelen=100"),
                    "which workspaces is the account a member of?");
            if (ws.ended()) {
                return ws.verdict().get();
            }
            if (ws.value().isPresent() && ws.value().get().isJsonSuccess()) {
                List<String> slugs = new ArrayList<>();
                for (JsonNode v : ws.value().get().json().path("values")) {
                    slugs.add(v.path("workspace").path("slug").asText(""));
                }
                suggestion = " Your workspaces: " + (slugs.isEmpty() ? "(none)" : String.join(", ", slugs)) + "."
                        + closest(repo.workspace(), slugs)
                                .map(c -> " Did you mean '" + c + "/" + repo.slug() + "'?")
                                .orElse("");
            }
        }
        return new Verdict(
                Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                false,
                notVisible + " The workspace '" + repo.workspace()
                        + "' does not exist (404 \"No workspace…\"): the name "
                        + "is misspelled or the workspace was renamed." + suggestion,
                "Use the workspace slug from the repository's URL: https://bitbucket.org/<workspace>/<repository>");
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
                seen.notVisible() + " This workspace access token reaches every repository of workspace '"
                        + repo.workspace()
                        + "' (it lists its private repositories), and none is named '" + repo.slug()
                        + "': the repository does "
                        + "not exist or the name is misspelled. Repositories there: "
                        + String.join(", ", seen.visible()) + "."
                        + seen.close()
                                .map(c -> " Did you mean '" + repo.workspace() + "/" + c + "'?")
                                .orElse(""),
                "Use the repository slug from its URL (https://bitbucket.org/" + repo.workspace() + "/<repository>)"
                        + seen.close()
                                .map(c -> ", e.g. --repo " + repo.workspace() + "/" + c)
                                .orElse("")
                        + ", or create the repository first.");
    }

    private static Verdict tokenWrongResource(RunState run, Seen seen) {
        RepositoryRef repo = seen.repo();
        boolean consumer = run.facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS;
        String reach = consumer
                ? " Client-credentials tokens act as an app_user of the consumer's own workspace and reach only its "
                        + "repositories; in workspace "
                : " Access tokens reach only the repository, project or workspace they were created in; in workspace ";
        return new Verdict(
                Cause.ACCESS_TOKEN_WRONG_RESOURCE,
                false,
                seen.notVisible() + reach + repo.workspace() + " this token reaches "
                        + (seen.visible().isEmpty()
                                ? "no repository"
                                : String.join(
                                        ", ",
                                        seen.visible().stream()
                                                .map(v -> repo.workspace() + "/" + v)
                                                .toList()))
                        + " (public repositories included)." + seen.lookalike(),
                consumer
                        ? "Use an OAuth consumer of workspace " + repo.workspace()
                                + " (Workspace settings -> OAuth consumers), or an access token of " + repo + "."
                        : "Create the access token in " + repo
                                + "'s settings (Repository settings -> Access tokens), or a "
                                + "project/workspace access token that covers it, and set it:\n"
                                + run.fixes.set(Setting.ACCESS_TOKEN, "<the new token>"));
    }

    /** An account: a member of the workspace or not, and its explicit permissions there. */
    private static Verdict membership(RunState run, Seen seen) {
        RepositoryRef repo = seen.repo();
        URI permissions = withQuery(
                run.endpoint("user", "workspaces", repo.workspace(), "permissions", "repositories"), "pagelen=100");
        Outcome<Optional<Answer>> probed = run.probeWithinBudget(
                permissions, "which repositories of " + repo.workspace() + " does the account hold permissions on?");
        if (probed.ended()) {
            return probed.verdict().get();
        }
        Optional<Answer> grants = probed.value();
        if (grants.isPresent() && grants.get().status() == 403) {
            return new Verdict(
                    Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                    false,
                    seen.notVisible() + " The account is not a member of workspace '" + repo.workspace() + "'"
                            + (seen.visible().isEmpty() ? "" : "; it sees only its public repositories") + "."
                            + seen.lookalike(),
                    seen.ifMeant() + "Check the workspace name, or ask an admin of " + repo.workspace()
                            + " to give your account access to " + repo.slug()
                            + " (Repository settings -> Repository permissions).");
        }
        if (grants.isEmpty() || !grants.get().isJsonSuccess()) {
            // Neither a member (200) nor a non-member (403) answer: do not claim either (never a confident guess).
            return new Verdict(
                    Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                    false,
                    seen.notVisible() + " Whether the account is a member of workspace '" + repo.workspace()
                            + "' could not "
                            + "be checked ("
                            + grants.map(g -> "the permissions endpoint answered " + g.status() + said(g))
                                    .orElse("request budget spent")
                            + "). Repositories the credential sees there: "
                            + visibleList(seen)
                            + ". The repository may not exist, its name may be misspelled, or the account may "
                            + "lack access." + seen.lookalike(),
                    seen.ifMeant()
                            + "Check the repository name (https://bitbucket.org/<workspace>/<repository>), or ask an "
                            + "admin of " + repo.workspace() + " for access to " + repo.slug() + ".");
        }
        List<String> granted = new ArrayList<>();
        for (JsonNode v : grants.get().json().path("values")) {
            granted.add(v.path("repository").path("full_name").asText("") + " ("
                    + v.path("permission").asText("") + ")");
        }
        return new Verdict(
                Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                false,
                seen.notVisible() + " The account is a member of workspace '" + repo.workspace()
                        + "' but has no access to "
                        + "a repository named '" + repo.slug()
                        + "' (it may not exist). Repositories the credential sees there: "
                        + visibleList(seen)
                        + (granted.isEmpty() ? "" : "; explicit permissions: " + String.join(", ", granted))
                        + "." + seen.lookalike(),
                seen.ifMeant() + "Check the repository name, or ask an admin of " + repo.workspace() + " to grant your "
                        + "account Write on " + repo.slug() + " (Repository settings -> Repository permissions).");
    }

    private static String visibleList(Seen seen) {
        return seen.visible().isEmpty() ? "(none)" : String.join(", ", seen.visible());
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
