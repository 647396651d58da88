package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.world.Credential;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Drives the emulator's OAuth endpoints over real HTTP, as a consumer would. */
final class OAuthClient {
    private OAuthClient() {}

    static String tokenUrl(Emulator bb) {
        return bb.baseUrl() + "/site/oauth2/access_token";
    }

    static String clientAuth(Emulator bb, String consumer) {
        Credential c = bb.credential(consumer);
        return Http.basic(c.key(), c.secret());
    }

    static Http.Response token(Emulator bb, String consumer, String form) {
        return Http.postForm(tokenUrl(bb), clientAuth(bb, consumer), form);
    }

    /** A client-credentials access token; fails the test if none is issued. */
    static String clientCredentials(Emulator bb, String consumer) {
        Http.Response r = token(bb, consumer, "grant_type=client_credentials");
        assertThat(r.status()).as("client_credentials: %s", r).isEqualTo(200);
        return r.json().path("access_token").asText();
    }

    static Http.Response authorize(Emulator bb, String consumer, String extraQuery) {
        String key = bb.credential(consumer).key();
        return Http.get(
                bb.baseUrl() + "/site/oauth2/authorize?client_id=" + key + "&response_type=code" + extraQuery, null);
    }

    /** The {@code code} of the authorize redirect. */
    static String code(Emulator bb, String consumer) {
        Http.Response r = authorize(bb, consumer, "");
        assertThat(r.status()).as("authorize: %s", r).isEqualTo(302);
        return queryParam(r.header("Location"), "code");
    }

    /** The token response of a full authorization-code flow. */
    static Http.Response authorizationCode(Emulator bb, String consumer) {
        return token(bb, consumer, "grant_type=authorization_code&code=" + code(bb, consumer));
    }

    static String queryParam(String url, String name) {
        String q = URI.create(url).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
