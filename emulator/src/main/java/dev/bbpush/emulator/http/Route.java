package dev.bbpush.emulator.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation of the REST API: a method, a path template and its handler.
 *
 * <p>{@code template} is the path key exactly as Bitbucket's OpenAPI document spells it (for example
 * {@code /repositories/{workspace}/{repo_slug}/src/{commit}/{path}}), so the required scopes of the
 * operation come straight from the document. When {@code greedyTail} is set, the last variable takes
 * the rest of the path, slashes included (file paths, branch names such as {@code feature/x}).
 */
public final class Route {
    private final String method;
    private final String template;
    private final boolean greedyTail;
    private final RateClass rateClass;
    private final Handler handler;
    private final List<String> segments;

    public Route(String method, String template, boolean greedyTail, RateClass rateClass, Handler handler) {
        this.method = Objects.requireNonNull(method);
        this.template = Objects.requireNonNull(template);
        this.greedyTail = greedyTail;
        this.rateClass = Objects.requireNonNull(rateClass);
        this.handler = Objects.requireNonNull(handler);
        this.segments = List.of(template.substring(1).split("/", -1));
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    public RateClass rateClass() {
        return rateClass;
    }

    public Handler handler() {
        return handler;
    }

    /**
     * Matches decoded path segments (the part after {@code /2.0}); fills {@code params} on success.
     *
     * @return the number of literal segments matched (higher is more specific), or -1 for no match
     */
    int match(List<String> path, Map<String, String> params) {
        int literals = 0;
        int n = segments.size();
        if (greedyTail ? path.size() < n : path.size() != n) {
            // A greedy tail may be empty only through a trailing slash, which yields an empty last segment.
            return -1;
        }
        for (int i = 0; i < n; i++) {
            String t = segments.get(i);
            boolean last = i == n - 1;
            if (t.startsWith("{") && t.endsWith("}")) {
                String name = t.substring(1, t.length() - 1);
                String value = last && greedyTail ? String.join("/", path.subList(i, path.size())) : path.get(i);
                if (value.isEmpty() && !(last && greedyTail)) {
                    return -1;
                }
                params.put(name, value);
            } else if (t.equals(path.get(i))) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    /** The rate-limit class an operation counts against (reference: bitbucket-cloud-auth.md §7). */
    public enum RateClass {
        /** Most of {@code /2.0}: 1,000 requests per hour per credential by default. */
        REPOSITORY_DATA,
        /** Raw file downloads. */
        RAW_FILE,
        /** Endpoints that are not rate limited in the emulator (the token endpoint). */
        NONE
    }

    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange ex) throws Exception;
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
