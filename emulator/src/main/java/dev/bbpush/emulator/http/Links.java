package dev.bbpush.emulator.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Absolute URLs on the emulator's own base. Bitbucket uses {@code https://api.bitbucket.org/2.0} for
 * API links and {@code https://bitbucket.org} for web and clone links; the emulator serves both from
 * one origin, so API links are {@code <origin>/2.0/...} and web links {@code <origin>/...}.
 */
public final class Links {
    private final String origin;

    public Links(String origin) {
        this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    /** The origin a request was addressed to ({@code scheme://Host}), which every absolute link is built on. */
    public static String originOf(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = req.getLocalAddr() + ":" + req.getLocalPort();
        }
        return req.getScheme() + "://" + host;
    }

    public String origin() {
        return origin;
    }

    public String api(String path) {
        return origin + "/2.0" + path;
    }

    public String web(String path) {
        return origin + path;
    }

    public String repo(String ws, String slug) {
        return api("/repositories/" + ws + "/" + slug);
    }

    public String repoWeb(String ws, String slug) {
        return web("/" + ws + "/" + slug);
    }

    public String commit(String ws, String slug, String sha) {
        return repo(ws, slug) + "/commit/" + sha;
    }

    public String commitWeb(String ws, String slug, String sha) {
        return repoWeb(ws, slug) + "/commits/" + sha;
    }

    public String cloneHttps(String ws, String slug) {
        return web("/" + ws + "/" + slug + ".git");
    }

    public String user(String uuid) {
        return api("/users/" + encode(uuid));
    }

    public String userWeb(String uuid) {
        return web("/" + encode(uuid) + "/");
    }

    /** Encodes one path segment (braces of UUIDs become {@code %7B}/{@code %7D}, {@code /} becomes {@code %2F}). */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Encodes a path keeping its slashes. */
    public static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(encode(parts[i]));
        }
        return sb.toString();
    }
}
