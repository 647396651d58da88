package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

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
        RevCommit c = Revisions.require(ctx.store().repository(repo.workspace(), repo.slug()), ex.param("commit"));
        ex.json(200, new Representations(ctx.world(), ex.links()).commit(repo, c));
    }

    /**
     * {@code git log [revision] [include...] ^exclude... [-- path...]} in topological, newest-first order.
     * Without a revision or {@code include}, every branch and tag is a start (like {@code --all}).
     *
     * @throws ApiError 404 {@code Commit not found} for an unknown revision, include or exclude; 400
     *     {@code Invalid pagelen} / {@code Invalid page}
     */
    /** {@code include}/{@code exclude}: from the query string, and for POST also from a url-encoded form body (spec). */
    private static List<String> listParam(Exchange ex, String name) {
        List<String> out = new ArrayList<>(ex.queryAll(name));
        if (ex.request().getMethod().equals("POST")) {
            out.addAll(ex.formAll(name));
        }
        return out;
    }

    void history(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        int pagelen = pagelen(ex);
        String token = ex.query("page");
        Repository db = ctx.store().repository(repo.workspace(), repo.slug());
        List<RevCommit> page = new ArrayList<>();
        RevCommit nextFirst = null;
        try (RevWalk walk = new RevWalk(db)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            List<String> includes = new ArrayList<>(listParam(ex, "include"));
            if (ex.route().template().endsWith("{revision}")) {
                includes.add(0, ex.param("revision"));
            }
            if (includes.isEmpty()) {
                for (Ref ref : db.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_TAGS)) {
                    Ref peeled = db.getRefDatabase().peel(ref);
                    RevObject o = walk.parseAny(
                            peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId());
                    if (o instanceof RevCommit c) {
                        walk.markStart(c);
                    }
                }
            } else {
                for (String inc : includes) {
                    walk.markStart(walk.parseCommit(Revisions.require(db, inc)));
                }
            }
            for (String exc : listParam(ex, "exclude")) {
                walk.markUninteresting(walk.parseCommit(Revisions.require(db, exc)));
            }
            List<String> paths = ex.queryAll("path").stream()
                    .map(CommitApi::trimSlashes)
                    .filter(p -> !p.isEmpty())
                    .toList();
            if (!paths.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            }
            boolean started = token == null;
            for (RevCommit c : walk) {
                if (!started) {
                    started = c.name().equals(token);
                    if (!started) {
                        continue;
                    }
                }
                if (page.size() == pagelen) {
                    nextFirst = c;
                    break;
                }
                page.add(c);
            }
            if (!started) {
                throw ApiError.badRequest("Invalid page").reason("page token " + token + " is not in this history");
            }
        }
        Representations rep = new Representations(ctx.world(), ex.links());
        ObjectNode out = Json.obj();
        out.put("pagelen", pagelen);
        ArrayNode values = out.putArray("values");
        page.forEach(c -> values.add(rep.commit(repo, c)));
        if (nextFirst != null) {
            out.put("next", nextUrl(ex, nextFirst.name()));
        }
        ex.json(200, out);
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
