package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.git.GitCli;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hourly allowances (§7) in the auth-ratelimits world: api 5, anonymous 2, git 3 per hour; Git with the real git CLI. */
@BitbucketEmulatorTest(world = "worlds/auth-ratelimits.yaml")
class RateLimitTest {
    private static final String REPO = "/repositories/acme/infra";

    private static List<Http.Response> get(Emulator bb, String path, String auth, int times) {
        List<Http.Response> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(Http.get(bb.apiUrl() + path, auth));
        }
        return out;
    }

    @Test
    void apiTokenBeyondTheHourlyAllowanceGets429WithoutRateLimitHeaders(Emulator bb) {
        List<Http.Response> rs = get(bb, REPO, Http.basic("rahul@acme.example", bb.secret("rahul-api-token")), 6);

        assertThat(rs.subList(0, 5)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        Http.Response limited = rs.get(5);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("error").path("message").asText())
                .isEqualTo("Rate limit for this resource has been exceeded");
        assertThat(rs).allSatisfy(r -> assertThat(r.header("X-RateLimit-Limit")).isNull());
    }

    @Test
    void apiTokensOfOneUserShareTheUsersAllowanceButOtherUsersDoNot(Emulator bb) {
        get(bb, REPO, Http.basic("rahul@acme.example", bb.secret("rahul-api-token")), 5);

        Http.Response sameUser =
                Http.get(bb.apiUrl() + REPO, Http.basic("rahul@acme.example", bb.secret("rahul-second-token")));
        Http.Response otherUser =
                Http.get(bb.apiUrl() + REPO, Http.basic("alex@acme.example", bb.secret("alex-api-token")));

        assertThat(sameUser.status()).isEqualTo(429);
        assertThat(otherUser.status()).isEqualTo(200);
    }

    @Test
    void accessTokenResponsesCarryScaledLimitHeadersAndNearLimitFrom80Percent(Emulator bb) {
        List<Http.Response> rs = get(bb, REPO, Http.bearer(bb.secret("infra-repo-token")), 6);

        assertThat(rs).allSatisfy(r -> {
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(r.header("X-RateLimit-Resource")).isEqualTo("api");
        });
        assertThat(rs)
                .extracting(r -> r.header("X-RateLimit-NearLimit"))
                .containsExactly("false", "false", "false", "true", "true", "true");
        assertThat(rs).extracting(Http.Response::status).containsExactly(200, 200, 200, 200, 200, 429);
    }

    @Test
    void windowRollsWithTheEmulatorClock(Emulator bb) {
        String auth = Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
        get(bb, REPO, auth, 5);
        assertThat(Http.get(bb.apiUrl() + REPO, auth).status()).isEqualTo(429);

        bb.clock().advance(Duration.ofMinutes(61));

        assertThat(Http.get(bb.apiUrl() + REPO, auth).status()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsShareTheSmallPerAddressAllowance(Emulator bb) {
        List<Http.Response> rs = get(bb, "/repositories/acme/docs", null, 3);

        assertThat(rs).extracting(Http.Response::status).containsExactly(200, 200, 429);
    }

    @Test
    void gitRequestsBeyondTheGitAllowanceAre429(Emulator bb) throws GitRefusal {
        Principal p = bb.context()
                .access()
                .authenticateGit(Http.basic("rahul-dev", bb.secret("rahul-api-token")), "127.0.0.1");
        for (int i = 0; i < 3; i++) {
            bb.context().access().rateLimitGit(p);
        }

        GitRefusal r = catchThrowableOfType(
                GitRefusal.class, () -> bb.context().access().rateLimitGit(p));

        assertThat(r).isNotNull();
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.remoteLines()).containsExactly("Rate limit for this resource has been exceeded");
    }

    /**
     * Protocol v0 makes {@code ls-remote} exactly one authenticated request (plus git's anonymous probe, which the
     * challenge answers and which does not count: otherwise the per-address anonymous allowance of 3 would be used up
     * and git would never get to send credentials).
     */
    @Test
    void gitBeyondTheHourlyGitAllowanceGets429WithTheRemoteLineAndOtherUsersCarryOn(Emulator bb, @TempDir Path tmp)
            throws IOException {
        GitCli git = new GitCli(Files.createDirectories(tmp.resolve("home")));
        String rahul = GitExpect.url(bb, "rahul-dev", bb.secret("rahul-api-token"), "acme/infra");
        List<GitCli.Result> within = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            within.add(git.run(tmp, "-c", "protocol.version=0", "ls-remote", rahul));
        }

        GitCli.Result limited = git.run(tmp, "-c", "protocol.version=0", "ls-remote", rahul);

        assertThat(within)
                .allSatisfy(r -> assertThat(r.exitCode()).as(r.stderr()).isZero());
        GitExpect.refused(429, AuthMessages.RATE_LIMITED)
                .check(limited, bb, "acme/infra", bb.secret("rahul-api-token"));
        GitCli.Result alex =
                git.run(tmp, "clone", GitExpect.url(bb, "alex-ops", bb.secret("alex-api-token"), "acme/infra"), "alex");
        GitExpect.success().check(alex, bb, "acme/infra");
    }

    @Test
    void resetForgetsCounts(Emulator bb) {
        String auth = Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
        get(bb, REPO, auth, 5);

        bb.reset();

        assertThat(Http.get(bb.apiUrl() + REPO, auth).status()).isEqualTo(200);
    }
}
