package dev.bbpush.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The route table: one entry per REST operation. The most specific match wins. */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    public Router get(String template, Route.Handler h) {
        return add(new Route("GET", template, false, Route.RateClass.REPOSITORY_DATA, h));
    }

    public Router post(String template, Route.Handler h) {
        return add(new Route("POST", template, false, Route.RateClass.REPOSITORY_DATA, h));
    }

    public Router delete(String template, Route.Handler h) {
        return add(new Route("DELETE", template, false, Route.RateClass.REPOSITORY_DATA, h));
    }

    /** A GET whose last variable takes the rest of the path, slashes included (a branch name such as {@code a/b}). */
    public Router getGreedy(String template, Route.Handler h) {
        return add(new Route("GET", template, true, Route.RateClass.REPOSITORY_DATA, h));
    }

    /** A POST whose last variable takes the rest of the path, slashes included. */
    public Router postGreedy(String template, Route.Handler h) {
        return add(new Route("POST", template, true, Route.RateClass.REPOSITORY_DATA, h));
    }

    /** A DELETE whose last variable takes the rest of the path, slashes included. */
    public Router deleteGreedy(String template, Route.Handler h) {
        return add(new Route("DELETE", template, true, Route.RateClass.REPOSITORY_DATA, h));
    }

    /**
     * A raw file download: a greedy GET that counts against the raw-file rate limit, not the repository-data one
     * (bitbucket-cloud-auth.md §7).
     */
    public Router getRawFile(String template, Route.Handler h) {
        return add(new Route("GET", template, true, Route.RateClass.RAW_FILE, h));
    }

    public Router add(Route r) {
        routes.add(r);
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The outcome of matching: the route and its path variables, or why nothing matched. */
    public record Match(Route route, Map<String, String> params, List<Route> sameTemplateOtherMethods) {
        public boolean found() {
            return route != null;
        }
    }

    public Match match(String method, List<String> segments) {
        Route best = null;
        Map<String, String> bestParams = Map.of();
        int bestScore = -1;
        List<Route> otherMethods = new ArrayList<>();
        for (Route r : routes) {
            Map<String, String> params = new LinkedHashMap<>();
            int score = r.match(segments, params);
            if (score < 0) {
                continue;
            }
            if (!r.method().equals(method)) {
                otherMethods.add(r);
                continue;
            }
            if (score > bestScore) {
                best = r;
                bestParams = params;
                bestScore = score;
            }
        }
        return new Match(best, bestParams, otherMethods);
    }

    /** For "closest match" explanations in the log: the route sharing the longest literal prefix. */
    public Optional<Route> closest(List<String> segments) {
        Route best = null;
        int bestLen = -1;
        for (Route r : routes) {
            String[] t = r.template().substring(1).split("/");
            int len = 0;
            while (len < t.length
                    && len < segments.size()
                    && (t[len].startsWith("{") || t[len].equals(segments.get(len)))) {
                len++;
            }
            if (len > bestLen) {
                best = r;
                bestLen = len;
            }
        }
        return Optional.ofNullable(best);
    }
}
