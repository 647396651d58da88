package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.enc;
import static dev.bbpush.client.diagnose.RunState.withQuery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.internal.RunTexts;
import dev.bbpush.client.internal.ScopeTexts;
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
            requiredBy.put(ScopeTexts.MAKE_FAILED_REQUEST, extra);
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
        boolean writeWithoutRead = fine
                && granted.stream().anyMatch(s -> s.startsWith("write:"))
                && allMissing.stream().anyMatch(s -> s.startsWith("read:"));
        return ScopeTexts.missingScopes(granted, requiredBy, allMissing, writeWithoutRead, tableRevision(run.table));
    }

    private static String tableRevision(ScopeTable table) {
        String s = table.source();
        int i = s.indexOf("x-revision");
        return i < 0 ? ScopeTexts.BUNDLED_COPY : s.substring(i, s.indexOf(';', i) < 0 ? s.length() : s.indexOf(';', i));
    }

    /** How to get a credential with {@code scopes}: API and access tokens are created anew, OAuth consumers edited. */
    static String fix(RunState run, boolean fine, List<String> scopes) {
        Facts facts = run.facts;
        if (fine || facts.kind() == CredentialKind.API_TOKEN) {
            List<String> lines = new ArrayList<>(List.of(ScopeTexts.apiTokenNotEditable()));
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
                        ScopeTexts.accessTokenNotEditable(scopes),
                        run.fixes.set(Setting.ACCESS_TOKEN, RunTexts.NEW_ACCESS_TOKEN)));
            case OAUTH_CLIENT_CREDENTIALS, OAUTH_ACCESS_TOKEN -> Fixes.join(ScopeTexts.editOauthConsumer(scopes));
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
            run.observe(ScopeTexts.ACCESS_TOKEN_WRITE_FROM_SCOPES);
            return Verdict.none();
        }
        Outcome<Optional<String>> permission = permission(run, repo);
        if (permission.ended()) {
            return permission.verdict();
        }
        if (permission.value().isEmpty()) {
            run.observe(ScopeTexts.permissionUnchecked(repo.fullName()));
            return Verdict.none();
        }
        run.observe(ScopeTexts.permission(repo.fullName(), permission.value().get()));
        if (!permission.value().get().equals("read")) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.NO_WRITE_PERMISSION,
                ScopeTexts.readOnly(repo.fullName()),
                ScopeTexts.readOnlyFix(repo.workspace()));
    }

    /** The account's permission on the repository: its explicit grant, else whether role=contributor lists it. */
    private static Outcome<Optional<String>> permission(RunState run, RepositoryRef repo) {
        URI grants = withQuery(
                run.endpoint("user", "workspaces", repo.workspace(), "permissions", "repositories"),
                "q=" + enc("repository.full_name=\"" + repo.fullName() + "\"") + "&pagelen=100");
        Outcome<Optional<Answer>> r = run.probeWithinBudget(grants, ScopeTexts.permissionProbe(repo.fullName()));
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
        Outcome<Optional<Answer>> w = run.probeWithinBudget(writable, ScopeTexts.contributorProbe(repo.fullName()));
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
