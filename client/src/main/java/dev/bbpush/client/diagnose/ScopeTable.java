package dev.bbpush.client.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.internal.ScopeTexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes each {@link Operation} needs, in both scope families, computed from the endpoints it calls. The table is
 * bundled as {@code scope-table.json}, a copy of the needed entries of Bitbucket's OpenAPI document (its {@code
 * security[].oauth2} lists for classic scopes, {@code x-atlassian-oauth2-scopes} for API-token scopes; reference:
 * bitbucket-cloud-auth.md §4.4). Every scope an endpoint lists is required (OpenAPI semantics), so an operation needs
 * the union over its endpoints: push needs {@code read:repository:bitbucket} AND {@code write:repository:bitbucket}.
 *
 * <p>Implications: API-token scopes imply nothing ("write does not imply read", §4.2); classic scopes imply as §4.3
 * lists ({@code repository:write} ⇒ {@code repository}; {@code pullrequest:write} ⇒ {@code pullrequest} +
 * {@code repository:write}; {@code pullrequest} and {@code project} ⇒ {@code repository}; {@code account} ⇒
 * {@code email}; a {@code :write} scope includes its read scope).
 */
final class ScopeTable {
    private static final ScopeTable BUNDLED = load();

    private final String source;
    private final Map<String, List<String>> classic;
    private final Map<String, List<String>> apiToken;
    private final Map<String, List<String>> operations;

    private ScopeTable(
            String source,
            Map<String, List<String>> classic,
            Map<String, List<String>> apiToken,
            Map<String, List<String>> operations) {
        this.source = source;
        this.classic = classic;
        this.apiToken = apiToken;
        this.operations = operations;
    }

    static ScopeTable bundled() {
        return BUNDLED;
    }

    /** Where the table comes from (the OpenAPI revision). */
    String source() {
        return source;
    }

    /** The endpoints ({@code METHOD /path-template}) an operation calls. */
    List<String> endpoints(Operation op) {
        return operations.get(op.id());
    }

    /** The scopes an endpoint lists in one family; empty when the table does not have it. */
    List<String> endpoint(String methodAndTemplate, boolean fineGrained) {
        return (fineGrained ? apiToken : classic).getOrDefault(methodAndTemplate, List.of());
    }

    /** Every scope the operation needs, in one family, in a stable order. */
    List<String> required(Operation op, boolean fineGrained) {
        Set<String> all = new LinkedHashSet<>();
        for (String e : endpoints(op)) {
            all.addAll(endpoint(e, fineGrained));
        }
        return List.copyOf(all);
    }

    /** The scopes of {@code required} that {@code granted} does not cover (after classic implications). */
    static List<String> missing(Collection<String> granted, List<String> required, boolean fineGrained) {
        Set<String> have = fineGrained ? Set.copyOf(granted) : expandClassic(granted);
        return required.stream().filter(s -> !have.contains(s)).toList();
    }

    /** The classic scopes granted plus everything they imply (reference §4.3). */
    static Set<String> expandClassic(Collection<String> granted) {
        Set<String> out = new LinkedHashSet<>(granted);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String s : List.copyOf(out)) {
                for (String implied : implied(s)) {
                    changed |= out.add(implied);
                }
            }
        }
        return out;
    }

    private static List<String> implied(String scope) {
        return switch (scope) {
            case "repository:write" -> List.of("repository");
            case "pullrequest" -> List.of("repository");
            case "pullrequest:write" -> List.of("pullrequest", "repository:write");
            case "project" -> List.of("repository");
            case "account" -> List.of("email");
            case "account:write" -> List.of("account");
            case "issue:write" -> List.of("issue");
            case "snippet:write" -> List.of("snippet");
            case "pipeline:write" -> List.of("pipeline");
            case "runner:write" -> List.of("runner");
            case "team:write" -> List.of("team");
            default -> List.of();
        };
    }

    private static ScopeTable load() {
        try (InputStream in = ScopeTable.class.getResourceAsStream("scope-table.json")) {
            if (in == null) {
                throw new IllegalStateException(ScopeTexts.TABLE_MISSING);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<String>> classic = new LinkedHashMap<>();
            Map<String, List<String>> fine = new LinkedHashMap<>();
            root.path("endpoints").fields().forEachRemaining(e -> {
                classic.put(e.getKey(), strings(e.getValue().path("classic")));
                fine.put(e.getKey(), strings(e.getValue().path("apiToken")));
            });
            Map<String, List<String>> ops = new LinkedHashMap<>();
            root.path("operations").fields().forEachRemaining(e -> ops.put(e.getKey(), strings(e.getValue())));
            for (Operation op : Operation.values()) {
                if (!ops.containsKey(op.id())) {
                    throw new IllegalStateException(ScopeTexts.tableLacksOperation(op.id()));
                }
            }
            return new ScopeTable(
                    root.path("source").asText(""), Map.copyOf(classic), Map.copyOf(fine), Map.copyOf(ops));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
