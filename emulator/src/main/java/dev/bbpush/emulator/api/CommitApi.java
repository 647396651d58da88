package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.store.Commit;
import dev.bbpush.emulator.store.RepoContents;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Commits: {@code GET …/commits}, {@code GET …/commits/{revision}} (history, newest first) and
 * {@code GET …/commit/{commit}} (one commit). Reference: bitbucket-cloud-rest.md §6.1, §6.2.
 *
 * <p>History uses Bitbucket's iterator-style pagination (§1.5): a page has only {@code pagelen},
 * {@code values} and, unless it is the last, {@code next}, whose {@code page} token is opaque to
 * clients. The emulator's token is the SHA of the first commit of the next page, so a page boundary
 * stays put when new commits land on top between requests.
 */
public final class CommitApi {
    private static final int DEFAULT_PAGELEN = 30;
    private static final int MAX_PAGELEN = 100;

    private final EmulatorContext ctx;

    public CommitApi(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    void commit(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        Commit c = Revisions.require(ctx.store().contents(repo), ex.param("commit"));
        ex.json(200, new Representations(ctx.world(), ex.links()).commit(repo, c));
    }

    /** {@code include}/{@code exclude}: from the query string, and for POST also from a url-encoded form body (spec). */
    private static List<String> listParam(Exchange ex, String name) {
        List<String> out = new ArrayList<>(ex.queryAll(name));
        if (ex.request().getMethod().equals("POST")) {
            out.addAll(ex.formAll(name));
        }
        return out;
    }

    /**
     * {@code git log [revision] [include...] ^exclude... [-- path...]} in topological, newest-first order.
     * Without a revision or {@code include}, every branch and tag is a start (like {@code --all}).
     *
     * @throws ApiError 404 {@code Commit not found} for an unknown revision, include or exclude; 400
     *     {@code Invalid pagelen} / {@code Invalid page}
     */
    void history(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        int pagelen = pagelen(ex);
        String token = ex.query("page");
        RepoContents git = ctx.store().contents(repo);
        List<String> includes = new ArrayList<>(listParam(ex, "include"));
        if (ex.route().template().endsWith("{revision}")) {
            includes.add(0, ex.param("revision"));
        }
        List<String> starts = new ArrayList<>();
        for (String inc : includes) {
            starts.add(Revisions.require(git, inc).sha());
        }
        List<String> excludes = new ArrayList<>();
        for (String exc : listParam(ex, "exclude")) {
            excludes.add(Revisions.require(git, exc).sha());
        }
        List<String> paths = ex.queryAll("path").stream()
                .map(CommitApi::trimSlashes)
                .filter(p -> !p.isEmpty())
                .toList();
        PageCollector page = new PageCollector(token, pagelen);
        git.history(starts, excludes, paths, page);
        if (!page.started) {
            throw ApiError.badRequest("Invalid page").reason("page token " + token + " is not in this history");
        }
        Representations rep = new Representations(ctx.world(), ex.links());
        ObjectNode out = Json.obj();
        out.put("pagelen", pagelen);
        ArrayNode values = out.putArray("values");
        page.commits.forEach(c -> values.add(rep.commit(repo, c)));
        if (page.nextFirst != null) {
            out.put("next", nextUrl(ex, page.nextFirst.sha()));
        }
        ex.json(200, out);
    }

    /**
     * Collects one page of a history walk: skips to the commit the page token names (the first page starts at once),
     * takes {@code pagelen} commits, and notes the one after them, whose SHA is the next page's token.
     */
    private static final class PageCollector implements Predicate<Commit> {
        private final String token;
        private final int pagelen;
        private final List<Commit> commits = new ArrayList<>();
        private boolean started;
        private Commit nextFirst;

        PageCollector(String token, int pagelen) {
            this.token = token;
            this.pagelen = pagelen;
            this.started = token == null;
        }

        @Override
        public boolean test(Commit c) {
            if (!started) {
                started = c.sha().equals(token);
                if (!started) {
                    return true;
                }
            }
            if (commits.size() == pagelen) {
                nextFirst = c;
                return false;
            }
            commits.add(c);
            return true;
        }
    }

    private static int pagelen(Exchange ex) {
        String v = ex.query("pagelen");
        if (v == null) {
            return DEFAULT_PAGELEN;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= MAX_PAGELEN) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the refusal
        }
        throw ApiError.badRequest("Invalid pagelen").reason("pagelen " + v + " outside 1.." + MAX_PAGELEN);
    }

    /**
     * The absolute URL of the next page on the emulator's origin: this path with every parameter of the
     * request (query or form body, so a POSTed include/exclude list carries over) and the new token.
     */
    private static String nextUrl(Exchange ex, String token) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String[]> p : ex.request().getParameterMap().entrySet()) {
            if (p.getKey().equals("page")) {
                continue;
            }
            for (String v : p.getValue()) {
                q.append(q.length() == 0 ? "" : "&")
                        .append(enc(p.getKey()))
                        .append('=')
                        .append(enc(v));
            }
        }
        q.append(q.length() == 0 ? "" : "&").append("page=").append(token);
        return ex.links().origin() + ex.request().getRequestURI() + "?" + q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String trimSlashes(String p) {
        String s = p.strip();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
