package dev.bbpush.client.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a secret looks like, judged from its public shape only (reference: bitbucket-cloud-auth.md §2.1 API
 * tokens {@code ATATT3x…} of about 190 characters, §2.4 access tokens {@code ATCTT3x…}, §2.3 app passwords
 * {@code ATBB…},
 * §2.5 JWT-style OAuth access tokens and 18/32-character consumer keys/secrets). A shape is a hint for the verdict,
 * never a verdict by itself: Bitbucket's answer decides.
 */
enum SecretShape {
  API_TOKEN("an Atlassian API token (ATATT…)"),
  ACCESS_TOKEN("a repository/project/workspace access token (ATCTT…)"),
  APP_PASSWORD("an app password (ATBB…)"),
  OAUTH_ACCESS_TOKEN("an OAuth access token (JWT-style header.payload.signature)"),
  OAUTH_CONSUMER_SECRET("an OAuth consumer secret (32 letters and digits)"),
  OTHER("none of Bitbucket's token shapes (a password?)");

  /** API tokens observed at roughly 190 characters; shorter ones were probably cut while pasting. */
  static final int API_TOKEN_MIN_LENGTH = 150;

  private static final Pattern CONSUMER_SECRET = Pattern.compile("[A-Za-z0-9]{32}");
  private static final Pattern CONSUMER_KEY = Pattern.compile("[A-Za-z0-9]{18}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_.+/=-]+");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String description;

  SecretShape(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  static SecretShape of(String secret) {
    if (secret.startsWith("ATATT")) {
      return API_TOKEN;
    }
    if (secret.startsWith("ATCTT")) {
      return ACCESS_TOKEN;
    }
    if (secret.startsWith("ATBB")) {
      return APP_PASSWORD;
    }
    if (JWT.matcher(secret).matches() && secret.startsWith("ey")) {
      return OAUTH_ACCESS_TOKEN;
    }
    if (CONSUMER_SECRET.matcher(secret).matches()) {
      return OAUTH_CONSUMER_SECRET;
    }
    return OTHER;
  }

  /** Whether an API token is shorter than any Bitbucket issues (cut while pasting). */
  static boolean looksTruncated(String secret) {
    return of(secret) == API_TOKEN && secret.length() < API_TOKEN_MIN_LENGTH;
  }

  static boolean isEmail(String identity) {
    return EMAIL.matcher(identity).matches();
  }

  /** 18 letters and digits: the shape of a classic OAuth consumer key. */
  static boolean looksLikeConsumerKey(String identity) {
    return CONSUMER_KEY.matcher(identity).matches();
  }

  /** The {@code exp} claim of a JWT-style token, when its payload is readable JSON. */
  static Optional<Instant> jwtExpiry(String token) {
    if (of(token) != OAUTH_ACCESS_TOKEN) {
      return Optional.empty();
    }
    try {
      String payload = token.split("\\.")[1];
      JsonNode n = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
      return n != null && n.path("exp").canConvertToLong()
          ? Optional.of(Instant.ofEpochSecond(n.path("exp").asLong())) : Optional.empty();
    } catch (RuntimeException | java.io.IOException e) {
      return Optional.empty();
    }
  }
}
