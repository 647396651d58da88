package dev.bbpush.client.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.error.ApiFailure;
import dev.bbpush.client.http.ApiErrors;
import dev.bbpush.client.http.Headers;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.internal.RefusalTexts;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refusal catalogue ({@link RefusalTexts}) is keyed by the doctor's causes: each cause has its texts there or is
 * listed here as deliberately without, and the exceptions {@link ApiErrors} builds carry the catalogue's texts.
 */
class RefusalCatalogueTest {
    private static final String API_TOKEN = "ATATT3xFfGF0" + "a".repeat(170) + "=1A2B3C4D";
    private static final URI REPO = URI.create("https://api.bitbucket.org/2.0/repositories/acme/infra");
    private static final String BASIC = "Basic realm=\"Bitbucket.org HTTP\"";

    /**
     * Causes without {@code @ForCause} texts, each with the reason: every refusal has its texts in the catalogue; these
     * two are not refusals (their texts are there too, unkeyed).
     */
    private static final Map<Cause, String> WITHOUT_CATALOGUE_TEXTS = Map.ofEntries(
            Map.entry(Cause.OK, "not a refusal"), Map.entry(Cause.UNKNOWN, "no cause: the raw evidence is the text"));

    /**
     * The catalogue's classes, read off the sources so that a new one cannot be missed: {@link RefusalTexts}' nested
     * {@code Failed} and {@code Doctor}, and every other {@code *Texts} class of {@code dev.bbpush.client.internal}.
     */
    private static final List<Class<?>> CATALOGUE = catalogueClasses();

    private static List<Class<?>> catalogueClasses() {
        Path sources = Path.of("src/main/java/dev/bbpush/client/internal");
        List<Class<?>> classes = new ArrayList<>(List.of(RefusalTexts.Failed.class, RefusalTexts.Doctor.class));
        try (Stream<Path> files = Files.list(sources)) {
            for (String name : files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith("Texts.java") && !n.equals("RefusalTexts.java"))
                    .sorted()
                    .toList()) {
                classes.add(Class.forName(RefusalTexts.class.getPackageName() + "."
                        + name.substring(0, name.length() - ".java".length())));
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the catalogue classes from " + sources.toAbsolutePath(), e);
        }
        return List.copyOf(classes);
    }

    private static Set<String> catalogued() {
        return CATALOGUE.stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .map(m -> m.getAnnotation(RefusalTexts.ForCause.class))
                .filter(a -> a != null)
                .map(RefusalTexts.ForCause::value)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyCauseHasCatalogueTextsOrIsDeliberatelyWithout() {
        Set<String> catalogued = catalogued();
        for (Cause c : Cause.values()) {
            assertThat(catalogued.contains(c.id()) || WITHOUT_CATALOGUE_TEXTS.containsKey(c))
                    .as("cause %s has catalogue texts or is listed as deliberately without", c.id())
                    .isTrue();
            assertThat(catalogued.contains(c.id()) && WITHOUT_CATALOGUE_TEXTS.containsKey(c))
                    .as("cause %s is both catalogued and listed as without", c.id())
                    .isFalse();
        }
        assertThat(catalogued)
                .as("catalogue keys are doctor cause ids")
                .allMatch(id -> Cause.byId(id).isPresent());
    }

    @Test
    void everyCatalogueTextIsPublicAndStatic() {
        for (Class<?> c : CATALOGUE) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isSynthetic()) {
                    assertThat(Modifier.isStatic(m.getModifiers()))
                            .as(m.getName())
                            .isTrue();
                }
            }
        }
    }

    private static Response response(int status, String wwwAuthenticate, String body) {
        Headers h = wwwAuthenticate == null
                ? Headers.of("Content-Type", "application/json")
                : Headers.of("Content-Type", "application/json", "WWW-Authenticate", wwwAuthenticate);
        return new Response("GET", REPO, status, "", h, body.getBytes(StandardCharsets.UTF_8), 1);
    }

    private static String error(String message) {
        return "{\"type\":\"error\",\"error\":{\"message\":\"" + message + "\"}}";
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row(
                        "API token with a username",
                        response(401, BASIC, ""),
                        Credentials.apiToken("rahul-dev", API_TOKEN),
                        f -> RefusalTexts.Failed.apiTokenWithUsername(f, "rahul-dev")),
                row(
                        "account password",
                        response(
                                401,
                                null,
                                "Bitbucket Cloud recently stopped supporting account passwords "
                                        + "for API authentication."),
                        Credentials.appPassword("rahul-dev", "hunter2"),
                        RefusalTexts.Failed::accountPassword),
                row(
                        "app password",
                        response(401, BASIC, error("App passwords are deprecated")),
                        null,
                        RefusalTexts.Failed::appPasswordRemoved),
                row(
                        "API token as Bearer",
                        response(401, null, error("Token is invalid")),
                        Credentials.accessToken(API_TOKEN),
                        RefusalTexts.Failed::apiTokenAsBearer),
                row("other 401", response(401, null, error("Unauthorized")), null, RefusalTexts.Failed::unauthorized),
                row(
                        "missing scopes",
                        response(
                                403,
                                null,
                                "{\"type\":\"error\",\"error\":{\"message\":\"Your credentials "
                                        + "lack one or more required privilege scopes.\",\"detail\":{\"required\":[\"repository:write\"],"
                                        + "\"granted\":[\"repository\"]}}}"),
                        null,
                        f -> RefusalTexts.Failed.missingScopes(
                                f, f.error().required(), f.error().granted())),
                row("access denied", response(403, null, error("Forbidden")), null, RefusalTexts.Failed::accessDenied),
                row(
                        "not found",
                        response(404, null, error("Repository acme/infra not found")),
                        null,
                        RefusalTexts.Failed::notFound),
                row(
                        "rate limited",
                        response(429, null, error("Rate limit for this resource has been exceeded")),
                        null,
                        RefusalTexts.Failed::rateLimited));
    }

    private static Arguments row(String name, Response r, Credentials sent, Function<ApiFailure, String> text) {
        return Arguments.of(Named.of(name, r), Optional.ofNullable(sent), text);
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void apiErrorsMessagesAreTheCataloguesTexts(
            Response r, Optional<Credentials> sent, Function<ApiFailure, String> text) {
        Clock clock = Clock.systemUTC();
        String expected = text.apply(ApiErrors.failure(r, clock));

        assertThat(ApiErrors.toException(r, clock, sent).getMessage()).isEqualTo(expected);
    }
}
