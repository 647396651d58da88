package dev.bbpush.emulator.auth;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which granted scopes satisfy which required ones (reference: bitbucket-cloud-auth.md §4.2, §4.3).
 *
 * <p>Fine-grained API-token scopes imply nothing: {@code write:repository:bitbucket} does not include
 * read. Classic scopes imply others, transitively, per the table below. The rows marked "derived" are
 * the emulator's reading of Bitbucket's scope docs (a {@code :write} scope includes the read scope of
 * the same resource) and are listed in docs/emulator-fidelity.md.
 */
public final class ScopeRules {
    private static final Map<String, List<String>> CLASSIC_IMPLIES = Map.ofEntries(
            Map.entry("repository:write", List.of("repository")),
            Map.entry("pullrequest", List.of("repository")),
            Map.entry("pullrequest:write", List.of("pullrequest", "repository:write")),
            Map.entry("project", List.of("repository")),
            Map.entry("issue:write", List.of("issue")),
            Map.entry("snippet:write", List.of("snippet")),
            // "account" lets a consumer read the user's email addresses (§4.3).
            Map.entry("account", List.of("email")),
            // derived: the :write scope of a resource includes its read scope
            Map.entry("account:write", List.of("account")),
            Map.entry("team:write", List.of("team")),
            Map.entry("pipeline:write", List.of("pipeline")),
            Map.entry("runner:write", List.of("runner")));

    private ScopeRules() {}

    /** The classic scopes {@code granted} gives, implications included. */
    public static Set<String> expandClassic(Collection<String> granted) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(granted);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (out.add(s)) {
                todo.addAll(CLASSIC_IMPLIES.getOrDefault(s, List.of()));
            }
        }
        return out;
    }

    /** What {@code granted} effectively holds in its family. */
    public static Set<String> effective(Collection<String> granted, boolean fineGrained) {
        return fineGrained ? new LinkedHashSet<>(granted) : expandClassic(granted);
    }

    /** The required scopes that {@code granted} does not satisfy (empty means allowed). */
    public static List<String> missing(Collection<String> granted, Collection<String> required, boolean fineGrained) {
        Set<String> have = effective(granted, fineGrained);
        return required.stream().filter(r -> !have.contains(r)).toList();
    }
}
