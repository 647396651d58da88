package dev.bbpush.client.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The local half of {@link Cause#WRONG_API_HOST}: URLs judged before any request. */
class ApiUrlProblemTest {
    private static Optional<String> problem(String url) {
        return DoctorRun.apiUrlProblem(URI.create(url));
    }

    @Test
    void bitbucketCloudsRestBaseAndAnEmulatorsAreFine() {
        assertThat(problem("https://api.bitbucket.org/2.0")).isEmpty();
        assertThat(problem("http://127.0.0.1:7990/2.0")).isEmpty();
    }

    @Test
    void websiteHostIsNotTheApiHost() {
        assertThat(problem("https://bitbucket.org/2.0"))
                .hasValueSatisfying(p -> assertThat(p).contains("api.bitbucket.org"));
    }

    @Test
    void dataCenterPathIsNamed() {
        assertThat(problem("https://git.example.com/rest/api/1.0"))
                .hasValueSatisfying(p -> assertThat(p).contains("Data Center"));
    }

    @Test
    void missingTwoPointZeroIsNamed() {
        assertThat(problem("https://api.bitbucket.org"))
                .hasValueSatisfying(p -> assertThat(p).contains("/2.0"));
    }

    @Test
    void typoClosenessSuggestsOnlyNearNames() {
        assertThat(DoctorRun.closest("infar", List.of("infra", "empty"))).contains("infra");
        assertThat(DoctorRun.closest("website", List.of("infra", "empty"))).isEmpty();
    }
}
