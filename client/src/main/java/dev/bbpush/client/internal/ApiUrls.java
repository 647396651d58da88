package dev.bbpush.client.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks and normalizes API base URLs. Internal: not part of the public API.
 *
 * <p>Plain http is accepted only for loopback hosts (127.0.0.0/8, ::1, localhost): credentials must never cross a
 * network unencrypted. The loopback test never resolves a name (a hosts file could point any name anywhere); only
 * {@code localhost} and IP literals qualify.
 */
public final class ApiUrls {
    private ApiUrls() {}

    /**
     * {@code base/seg1/seg2/...} with each segment percent-encoded (a {@code /} inside a segment becomes {@code %2F},
     * a space {@code %20}).
     */
    public static URI endpoint(URI base, String... segments) {
        StringBuilder sb = new StringBuilder(base.toString());
        for (String s : segments) {
            Objects.requireNonNull(s, "segment");
            sb.append('/').append(encodeSegment(s));
        }
        return URI.create(sb.toString());
    }

    /** Percent-encodes one path segment or query value ({@code +} is never used for a space). */
    public static String encodeSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The normalized URL (no trailing slash).
     *
     * @throws IllegalArgumentException naming the problem and the fix
     */
    public static URI check(URI url) {
        return check(url, "apiUrl", "https://api.bitbucket.org/2.0");
    }

    /**
     * The same rule for another URL credentials are sent to (e.g. a push's Git URL), named {@code name} in messages.
     *
     * @throws IllegalArgumentException naming the problem and the fix
     */
    public static URI check(URI url, String name, String example) {
        Objects.requireNonNull(url, name);
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException(
                    name + " must be an absolute http(s) URL with a host, e.g. " + example + "; got " + url);
        }
        if (url.getRawUserInfo() != null) {
            // Not echoed: the user info may be a credential.
            throw new IllegalArgumentException(
                    name + " must not contain user info (credentials): pass credentials separately");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not have a query or fragment: " + url);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(url.getHost())) {
                throw new IllegalArgumentException(
                        name.equals("apiUrl")
                                ? Messages.insecureApiUrl(url)
                                : name + " " + url
                                        + " uses plain http to a non-loopback host, which would send credentials "
                                        + "unencrypted. Use https (e.g. " + example
                                        + "); plain http is allowed only for loopback addresses "
                                        + "(127.0.0.0/8, ::1, localhost), such as a local emulator.");
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException(name + " must use https (or http for loopback): " + url);
        }
        String s = url.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    /** Whether a URI host is a loopback address literal or {@code localhost}. Never does a DNS lookup. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        } else if (!h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            // A literal: getByName parses it without a lookup.
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
