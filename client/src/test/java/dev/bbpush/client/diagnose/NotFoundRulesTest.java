package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RuleFixtures.API_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.EMAIL;
import static dev.bbpush.client.diagnose.RuleFixtures.apply;
import static dev.bbpush.client.diagnose.RuleFixtures.context;
import static dev.bbpush.client.diagnose.RuleFixtures.error;
import static dev.bbpush.client.diagnose.RuleFixtures.rest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NotFoundRules}: the 404s that need no investigation (the investigation itself probes Bitbucket and is covered
 * by the emulator scenarios: {@code DoctorDemoWorldTest}, {@code DoctorLookalikeWorldTest}), and name matching.
 */
class NotFoundRulesTest {
    @ParameterizedTest(name = "{0} {1}, Bitbucket's body {2}")
    @CsvSource({
        "REPOSITORY, /repositories/acme/infra, false, something other than Bitbucket's REST API may have answered",
        "USER, /user, true, Bitbucket's REST API always has /user",
        "EXPLAINED, /repositories/acme/infra/src/main/x.tf, true, for /repositories/acme/infra/src/main/x.tf."
    })
    void answerInVerdictOut(RequestTarget target, String path, boolean envelope, String text) {
        Answer a = rest(404, path)
                .body(envelope ? error("Resource not found") : "<html>404</html>")
                .build();

        Verdict v = apply(context(Credentials.apiToken(EMAIL, API_TOKEN)), run -> NotFoundRules.judge(run, a, target));

        assertThat(v.cause()).isEqualTo(Cause.UNKNOWN);
        assertThat(v.summary())
                .contains(text)
                .endsWith("The doctor does not guess: read the evidence below (raw status, "
                        + "headers and Bitbucket's message).");
    }

    @ParameterizedTest(name = "{0} among {1}: {2}")
    @CsvSource({
        "infar, infra|empty, infra",
        "api, app, app",
        "api, web|ui, ''",
        "infra, intra2, ''",
        "infrastructure, infrastrcture, infrastrcture",
        "infra, infra, ''"
    })
    void closestNameIsATypoAway(String name, String candidates, String expected) {
        assertThat(NotFoundRules.closest(name, List.of(candidates.split("\\|"))).orElse(""))
                .isEqualTo(expected);
    }
}
