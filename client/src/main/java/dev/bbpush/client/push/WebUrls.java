package dev.bbpush.client.push;

import dev.bbpush.client.internal.ApiUrls;
import java.net.URI;
import java.util.Locale;

/**
 * The web and Git origin that belongs to an API URL: {@code https://api.bitbucket.org/2.0} → {@code
 * https://bitbucket.org}; a loopback emulator {@code http://127.0.0.1:P/2.0} → {@code http://127.0.0.1:P} (it serves
 * everything from one origin); another {@code api.}-host → the host without {@code api.}; anything else → the API
 * URL's own origin.
 */
final class WebUrls {
    private WebUrls() {}

    static URI webOrigin(URI apiUrl) {
        String host = apiUrl.getHost().toLowerCase(Locale.ROOT);
        if (!ApiUrls.isLoopback(host) && host.startsWith("api.")) {
            host = host.substring(4);
        }
        int port = apiUrl.getPort();
        return URI.create(apiUrl.getScheme() + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + (port == -1 ? "" : ":" + port));
    }

    /** {@code <origin>/{ws}/{repo}.git}. */
    static URI gitUrl(URI apiUrl, String workspace, String repo) {
        return URI.create(webOrigin(apiUrl) + "/" + workspace + "/" + repo + ".git");
    }

    /** {@code <origin>/{ws}/{repo}/commits/{sha}}. */
    static String commitUrl(URI apiUrl, String workspace, String repo, String sha) {
        return webOrigin(apiUrl) + "/" + workspace + "/" + repo + "/commits/" + sha;
    }
}
