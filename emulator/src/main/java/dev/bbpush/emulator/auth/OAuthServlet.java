package dev.bbpush.emulator.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.CredentialKind;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bitbucket's OAuth 2.0 endpoints, served at {@code /site/oauth2/*} (reference:
 * bitbucket-cloud-auth.md §2.5, §13):
 *
 * <ul>
 *   <li>{@code GET /site/oauth2/authorize?client_id=…&response_type=code[&state=…]}: there is no login
 *       page; the request is approved at once as the consumer's {@code owner} account and answered
 *       with a 302 to the consumer's callback URL carrying {@code code} (and {@code state}).
 *   <li>{@code POST /site/oauth2/access_token}, client authenticated with Basic {@code key:secret}
 *       (or, leniently, {@code client_id}/{@code client_secret} form fields): grants
 *       {@code authorization_code}, {@code refresh_token} (rotating) and {@code client_credentials}
 *       (private consumers only; no refresh token since 2026-05-04).
 * </ul>
 *
 * <p>Errors are RFC 6749 bodies {@code {"error": …, "error_description": …}}. Tokens are in memory,
 * owned by the emulator's {@link AccessControl}, and forgotten on reset.
 */
public final class OAuthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient EmulatorContext ctx;
    /** The route table: {@code "METHOD /path"} (after {@code /site/oauth2}) to its handler. */
    private final transient Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    public OAuthServlet(EmulatorContext ctx) {
        this.ctx = ctx;
        endpoints.put("POST /access_token", this::token);
        endpoints.put("GET /authorize", this::authorize);
    }

    /** The endpoints this servlet serves, as {@code "METHOD /site/oauth2/path"}. */
    public List<String> endpoints() {
        return endpoints.keySet().stream()
                .map(e -> e.replaceFirst(" ", " /site/oauth2"))
                .toList();
    }

    @FunctionalInterface
    private interface Endpoint {
        void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            Endpoint endpoint = endpoints.get(req.getMethod() + " " + path);
            if (endpoint == null) {
                throw new OAuthError(
                        404, "invalid_request", "No OAuth endpoint " + req.getMethod() + " /site/oauth2" + path);
            }
            endpoint.handle(req, resp);
        } catch (OAuthError e) {
            AuthLog.note("OAuth {} refused ({}): {}", path, e.error, e.getMessage());
            ObjectNode body = Json.obj().put("error", e.error).put("error_description", e.getMessage());
            if (e.status == 401) {
                resp.setHeader("WWW-Authenticate", AuthMessages.BASIC_CHALLENGE);
            }
            write(resp, e.status, body);
        }
    }

    private void authorize(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String clientId = req.getParameter("client_id");
        Credential consumer = clientId == null
                ? null
                : ctx.world().consumerByKey(clientId).filter(c -> !c.revoked()).orElse(null);
        if (consumer == null) {
            throw new OAuthError(400, "invalid_client", "Invalid client_id");
        }
        String responseType = req.getParameter("response_type");
        if (!"code".equals(responseType)) {
            // The implicit grant (response_type=token) is no longer supported (§2.5, §11.3).
            throw new OAuthError(400, "unsupported_response_type", "Unsupported response_type: " + responseType);
        }
        String callback = consumer.callbackUrl();
        if (callback == null || callback.isBlank()) {
            throw new OAuthError(400, "invalid_request", AuthMessages.OAUTH_NO_CALLBACK);
        }
        String redirect = req.getParameter("redirect_uri");
        if (redirect != null && !redirect.startsWith(callback)) {
            throw new OAuthError(400, "invalid_request", "redirect_uri does not match the consumer's callback URL");
        }
        if (consumer.owner() == null) {
            throw new OAuthError(
                    400,
                    "invalid_request",
                    "The emulator approves authorization requests as the consumer's owner, and " + consumer.name()
                            + " has none");
        }
        String code = ctx.access()
                .oauthTokens()
                .issueCode(consumer, consumer.owner(), ctx.clock().now());
        String target = redirect != null ? redirect : callback;
        StringBuilder location = new StringBuilder(target)
                .append(target.contains("?") ? '&' : '?')
                .append("code=")
                .append(code);
        String state = req.getParameter("state");
        if (state != null) {
            location.append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        AuthLog.note("OAuth authorize: {} approved as {}", consumer.name(), consumer.owner());
        resp.setStatus(302);
        resp.setHeader("Location", location.toString());
        resp.setContentLength(0);
    }

    private void token(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Credential consumer = authenticateClient(req);
        String grantType = req.getParameter("grant_type");
        Instant now = ctx.clock().now();
        Duration lifetime = ctx.world().settings().oauthAccessTokenLifetime();
        OAuthTokens tokens = ctx.access().oauthTokens();
        OAuthTokens.Issued issued;
        if (grantType == null || grantType.isBlank()) {
            throw new OAuthError(400, "invalid_grant", "Unsupported grant type: None");
        }
        switch (grantType) {
            case "client_credentials" -> {
                if (!consumer.privateConsumer()) {
                    throw new OAuthError(400, "invalid_grant", AuthMessages.OAUTH_PUBLIC_CONSUMER);
                }
                // Acts as an app_user; no refresh token since 2026-05-04.
                issued = tokens.issue(consumer, null, lifetime, now, false);
            }
            case "authorization_code" -> {
                if (consumer.callbackUrl() == null || consumer.callbackUrl().isBlank()) {
                    throw new OAuthError(400, "invalid_request", AuthMessages.OAUTH_NO_CALLBACK);
                }
                String code = req.getParameter("code");
                Optional<OAuthTokens.Grant> g =
                        code == null ? Optional.empty() : tokens.takeCode(code, consumer.name(), now);
                if (g.isEmpty()) {
                    throw new OAuthError(
                            400, "invalid_grant", "The authorization code is invalid, already used or expired.");
                }
                issued = tokens.issue(consumer, g.get().account(), lifetime, now, true);
            }
            case "refresh_token" -> {
                String rt = req.getParameter("refresh_token");
                Optional<OAuthTokens.Grant> g =
                        rt == null ? Optional.empty() : tokens.takeRefreshToken(rt, consumer.name(), now);
                if (g.isEmpty()) {
                    throw new OAuthError(400, "invalid_grant", "Invalid refresh_token");
                }
                issued = tokens.issue(consumer, g.get().account(), lifetime, now, true);
            }
            default -> throw new OAuthError(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        }
        AuthLog.note("OAuth token issued to {} by {} grant", consumer.name(), grantType);
        ObjectNode body = Json.obj();
        body.put("access_token", issued.accessToken());
        body.put("scope", String.join(" ", issued.scopes()));
        body.put("expires_in", issued.lifetime().toSeconds());
        body.put("token_type", "bearer");
        body.put("state", grantType);
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        resp.setHeader("Cache-Control", "no-store");
        write(resp, 200, body);
    }

    /** The consumer from Basic {@code key:secret}, or the {@code client_id}/{@code client_secret} form fields. */
    private Credential authenticateClient(HttpServletRequest req) {
        String key = null;
        String secret = null;
        String header = req.getHeader("Authorization");
        if (header != null
                && BasicCredentials.scheme(header)
                        .map(s -> s.equalsIgnoreCase("Basic"))
                        .orElse(false)) {
            Optional<BasicCredentials> bc = BasicCredentials.parse(BasicCredentials.credentialsPart(header));
            if (bc.isPresent()) {
                key = bc.get().user();
                secret = bc.get().secret();
            }
        } else {
            key = req.getParameter("client_id");
            secret = req.getParameter("client_secret");
        }
        if (key == null || secret == null) {
            throw new OAuthError(401, "invalid_client", "Client credentials missing: send Basic base64(key:secret)");
        }
        String s = secret;
        Credential c = ctx.world().consumerByKey(key).orElse(null);
        if (c == null
                || c.kind() != CredentialKind.OAUTH_CONSUMER
                || !c.secret().equals(s)
                || c.revoked()) {
            throw new OAuthError(401, "invalid_client", "Invalid OAuth client credentials");
        }
        return c;
    }

    private static void write(HttpServletResponse resp, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(bytes.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(bytes);
        }
    }

    /** An RFC 6749 error answer. */
    private static final class OAuthError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;

        OAuthError(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }
    }
}
