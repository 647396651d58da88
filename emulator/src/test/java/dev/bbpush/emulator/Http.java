package dev.bbpush.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/** A small HTTP helper for emulator tests: real requests over loopback, no redirects followed. */
public final class Http {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CloseableHttpClient CLIENT = HttpClients.custom()
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .setDefaultRequestConfig(RequestConfig.custom().build())
            .build();

    private Http() {}

    public static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static Response get(String url, String authorization) {
        HttpGet get = new HttpGet(url);
        if (authorization != null) {
            get.setHeader("Authorization", authorization);
        }
        return send(get);
    }

    public static Response postJson(String url, String authorization, String json) {
        HttpPost post = new HttpPost(url);
        if (authorization != null) {
            post.setHeader("Authorization", authorization);
        }
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(post);
    }

    public static Response postForm(String url, String authorization, String urlencodedBody) {
        HttpPost post = new HttpPost(url);
        if (authorization != null) {
            post.setHeader("Authorization", authorization);
        }
        post.setEntity(new StringEntity(urlencodedBody, ContentType.APPLICATION_FORM_URLENCODED));
        return send(post);
    }

    public static Response postMultipart(String url, String authorization, MultipartEntityBuilder body) {
        HttpPost post = new HttpPost(url);
        if (authorization != null) {
            post.setHeader("Authorization", authorization);
        }
        post.setEntity(body.build());
        return send(post);
    }

    public static Response postRaw(String url, String authorization, String contentType, byte[] body) {
        HttpPost post = new HttpPost(url);
        if (authorization != null) {
            post.setHeader("Authorization", authorization);
        }
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        return send(post);
    }

    public static Response send(ClassicHttpRequest request) {
        try {
            return CLIENT.execute(request, resp -> {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header h : resp.getHeaders()) {
                    headers.merge(h.getName().toLowerCase(), h.getValue(), (a, b) -> a + ", " + b);
                }
                HttpEntity e = resp.getEntity();
                byte[] body = e == null ? new byte[0] : EntityUtils.toByteArray(e);
                return new Response(resp.getCode(), headers, body);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response: status, headers (lower-case names), body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + text(), e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }
}
