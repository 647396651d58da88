package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.enc;
import static dev.bbpush.client.diagnose.RunState.withQuery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.TokenShape;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scopes per operation (from a table derived from Bitbucket's OpenAPI document) and the account's write permission on
 * the repository, once the credential authenticated.
 */
final class ScopeRules {
    private ScopeRules() {}

    /**
     * {@link Cause#MISSING_SCOPES} when {@code granted} lacks a scope any operation needs; {@code extra} are scopes a
     * failing endpoint named itself (so a tool's endpoint outside the table is still covered).
     */
    static Optional<Verdict> missing(
            RunState run, Set<Operation> ops, List<String> granted, boolean fine, List<String> extra) {
        Map<String, List<String>> requiredBy = new LinkedHashMap<>();
        Set<String> allMissing = new LinkedHashSet<>();
        Set<String> allRequired = new LinkedHashSet<>();
        for (Operation op : ops) {
            List<String> required = run.table.required(op, fine);
            allRequired.addAll(required);
            List<String> missing = ScopeTable.missing(granted, required, fine);
            boolean coveredByPush = op == Operation.READ && ops.contains(Operation.PUSH);
            if (!missing.isEmpty() && !coveredByPush) {
                requiredBy.put(op.label(), required);
                allMissing.addAll(missing);
            }
        }
        List<String> extraMissing = ScopeTable.missing(granted, extra, fine);
        if (!allMissing.containsAll(extraMissing)) {
            requiredBy.put("make the failed request", extra);
            allMissing.addAll(extraMissing);
            allRequired.addAll(extra);
        }
        if (allMissing.isEmpty()) {
            return Verdict.none();
        }
        List<String> wanted = new ArrayList<>(allRequired);
        for (String g : granted) {
            if (!wanted.contains(g)) {
                wanted.add(g);
            }
        }
        return Verdict.found(
                Cause.MISSING_SCOPES, summary(run, granted, fine, requiredBy, allMissing), fix(run, fine, wanted));
    }

    private static String summary(
            RunState run,
            List<String> granted,
            boolean fine,
            Map<String, List<String>> requiredBy,
            Set<String> allMissing) {
        StringBuilder summary = new StringBuilder("The credential authenticates but lacks scopes. Granted: ")
                .append(granted.isEmpty() ? "(none)" : String.join(", ", granted))
                .append(".");
        requiredBy.forEach((what, required) -> summary.append(" To ")
                .append(what)
                .append(" it needs ")
                .append(String.join(" and ", required))
                .append("."));
        summary.append(" Missing: ").append(String.join(", ", allMissing)).append(".");
        if (fine
                && granted.stream().anyMatch(s -> s.startsWith("write:"))
                && allMissing.stream().anyMatch(s -> s.startsWith("read:"))) {
            summary.append(" API-token scopes imply nothing: write does not imply read.");
        }
        summary.append(" (Scopes per operation from Bitbucket's OpenAPI document, ")
                .append(tableRevision(run.table))
                .append("; a scope error may name only one missing scope at a time.)");
        return summary.toString();
    }

    private static String tableRevision(ScopeTable table) {
        String s = table.source();
        int i = s.indexOf("x-revision");
        return i < 0 ? "bundled copy" : s.substring(i, s.indexOf(';', i) < 0 ? s.length() : s.indexOf(';', i));
    }

    /** How to get a credential with {@code scopes}: API and access tokens are created anew, OAuth consumers edited. */
    static String fix(RunState run, boolean fine, List<String> scopes) {
        Facts facts = run.facts;
        if (fine || facts.kind() == CredentialKind.API_TOKEN) {
            List<String> lines =
                    new ArrayList<>(List.of("API tokens cannot be edited; create a new one with every scope listed:"));
            lines.addAll(run.fixes.newApiToken(scopes));
            return Fixes.join(lines);
        }
        boolean oauth = facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
                || facts.kind() == CredentialKind.OAUTH_ACCESS_TOKEN
                || facts.shape() == TokenShape.OAUTH_ACCESS_TOKEN;
        CredentialKind kind = oauth ? CredentialKind.OAUTH_ACCESS_TOKEN : facts.kind();
        return switch (kind) {
            case ACCESS_TOKEN ->
                Fixes.join(List.of(
                        "Access tokens cannot be edited; create a new one (Repository/Project/Workspace settings -> Access tokens) "
                                + "with scopes: " + String.join(", ", scopes),
                        run.fixes.set(Setting.ACCESS_TOKEN, "<the new access token>")));
            case OAUTH_CLIENT_CREDENTIALS, OAUTH_ACCESS_TOKEN ->
                Fixes.join(List.of(
                        "Edit the OAuth consumer (Workspace settings -> OAuth consumers -> Edit) and tick: "
                                + String.join(", ", scopes),
                        "Then get a new access token (existing tokens keep their old scopes)."));
            default -> Fixes.join(run.fixes.newApiToken(run.table.required(Operation.PUSH, true)));
        };
    }

    /** {@link Cause#NO_WRITE_PERMISSION} when the account can read but not write the repository. */
    static Optional<Verdict> writePermission(RunState run, RepositoryRef repo, Optional<String> credentialType) {
        boolean confined = credentialType
                .map(t -> t.endsWith("access_token"))
                .orElse(run.facts.kind() == CredentialKind.ACCESS_TOKEN
                        || run.facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS);
        if (confined) {
            run.observe("write permission of an access token comes from its scopes (repository:write); checked above");
            return Verdict.none();
        }
        Outcome<Optional<String>> permission = permission(run, repo);
        if (permission.ended()) {
            return permission.verdict();
        }
        if (permission.value().isEmpty()) {
            run.observe("write permission on " + repo + " could not be checked");
            return Verdict.none();
        }
        run.observe("permission on " + repo + ": " + permission.value().get());
        if (!permission.value().get().equals("read")) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.NO_WRITE_PERMISSION,
                "The credential works and can read " + repo
                        + ", but its account holds only read permission there, so a "
                        + "push (POST /src) would be refused with 403.",
                "Ask an admin of workspace " + repo.workspace() + " to grant write: Repository settings -> Repository "
                        + "permissions -> add your account (or a group you are in) with Write.");
    }

    /** The account's permission on the repository: its explicit grant, else whether role=contributor lists it. */
    private static Outcome<Optional<String>> permission(RunState run, RepositoryRef repo) {
        URI grants = withQuery(
                run.endpoint("user", "workspaces", repo.workspace(), "permissions", "repositories"),
                "q=" + enc("repository.full_name=\"" + repo.fullName() + "\"") + "&pagelen=100");
        Outcome<Optional<Answer>> r =
                run.probeWithinBudget(grants, "which permission does the account hold on " + repo + "?");
        if (r.ended()) {
            return Outcome.ended(r.verdict().get());
        }
        Optional<String> permission = Optional.empty();
        if (r.value().isPresent() && r.value().get().isJsonSuccess()) {
            for (JsonNode v : r.value().get().json().path("values")) {
                if (repo.fullName()
                        .equalsIgnoreCase(v.path("repository").path("full_name").asText(""))) {
                    permission = Optional.of(v.path("permission").asText(""));
                }
            }
        }
        if (permission.isPresent()) {
            return Outcome.of(permission);
        }
        URI writable = withQuery(
                run.endpoint("repositories", repo.workspace()),
                "role=contributor&q=" + enc("slug=\"" + repo.slug() + "\"") + "&pagelen=100");
        Outcome<Optional<Answer>> w = run.probeWithinBudget(
                writable, "is " + repo + " among the repositories the credential may write (role=contributor)?");
        if (w.ended()) {
            return Outcome.ended(w.verdict().get());
        }
        return Outcome.of(w.value()
                .filter(Answer::isJsonSuccess)
                .map(x -> NotFoundRules.slugs(x.json()).stream().anyMatch(s -> s.equalsIgnoreCase(repo.slug()))
                        ? "write"
                        : "read"));
    }

    /** Whether the granted scopes let {@code GET /user} name the account. */
    static boolean wantsAccount(Optional<List<String>> granted, boolean fine) {
        if (granted.isEmpty()) {
            return false;
        }
        return fine
                ? granted.get().contains("read:user:bitbucket")
                : ScopeTable.expandClassic(granted.get()).contains("account");
    }
}
