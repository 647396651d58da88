package dev.bbpush.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.auth.CredentialSource;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.error.AccessDeniedException;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.UnexpectedResponseException;
import dev.bbpush.client.http.HttpEvent;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.control.JournalEntry;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;

/** The client's typed calls and raw transport against the emulator over loopback. */
@BitbucketEmulatorTest(world = "demo")
class BitbucketClientTest {
    private static final String EMAIL = "rahul@acme.example";

    private static BitbucketClient rahul(Emulator bb, RecordingListener listener) {
        return BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")))
                .listener(listener)
                .build();
    }

    @Test
    void readsRepositoryWithApiToken(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            // fqn: JGit's Repository is imported here
            dev.bbpush.client.Repository repo = client.repository("acme", "infra");

            assertThat(repo.fullName()).isEqualTo("acme/infra");
            assertThat(repo.mainBranch()).contains("main");
            assertThat(repo.isPrivate()).isTrue();
            assertThat(repo.uuid()).startsWith("{").endsWith("}");
        }
    }

    @Test
    void missingRepositoryIsNotFound(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            assertThatThrownBy(() -> client.repository("acme", "nope"))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.method()).isEqualTo("GET");
                        assertThat(e.uri().toString()).endsWith("/2.0/repositories/acme/nope");
                        assertThat(e.bitbucketMessage()).isPresent();
                    })
                    .hasMessageContaining("not found (404");
        }
    }

    @Test
    void apiTokenSentWithUsernameIsAuthenticationFailureWithChallenge(Emulator bb) {
        String token = bb.secret("rahul-api-token");
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.apiToken("rahul-dev", token))
                .build()) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.wwwAuthenticate()).contains("Basic realm=\"Bitbucket.org HTTP\"");
                        assertThat(e.getMessage()).doesNotContain(token).contains("Atlassian account email");
                        assertThat(e.toString()).doesNotContain(token);
                    });
        }
    }

    @Test
    void invalidPagelenIsParsedFromBitbucketsErrorEnvelope(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            URI uri = URI.create(client.endpoint("repositories", "acme") + "?pagelen=1000");
            Request request = Request.get(uri).build();

            Response raw = client.http().exchange(request);
            assertThat(raw.status()).isEqualTo(400);

            assertThatThrownBy(() -> client.http().send(request))
                    .isExactlyInstanceOf(BitbucketApiException.class)
                    .satisfies(e -> assertThat(((BitbucketApiException) e).bitbucketMessage())
                            .contains("Invalid pagelen"))
                    .hasMessageContaining("Invalid pagelen");
        }
    }

    @Test
    void rawExchangeReturnsRefusalAsDataWithoutThrowing(Emulator bb) {
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.apiToken("rahul-dev", bb.secret("rahul-api-token")))
                .build()) {
            Response r = client.http()
                    .exchange(Request.get(client.endpoint("repositories", "acme", "infra"))
                            .build());

            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).contains("Basic realm=\"Bitbucket.org HTTP\"");
            assertThat(r.attempts()).isEqualTo(1);
        }
    }

    @Test
    void listenerSeesRequestsAndResponsesWithAuthorizationRedacted(Emulator bb) {
        RecordingListener listener = new RecordingListener();
        String token = bb.secret("rahul-api-token");
        try (BitbucketClient client = rahul(bb, listener)) {
            client.repository("acme", "infra");
        }

        HttpEvent.RequestSent sent =
                listener.events(HttpEvent.RequestSent.class).get(0);
        assertThat(sent.headers().first("Authorization")).contains("Basic ****");
        assertThat(listener.events(HttpEvent.ResponseReceived.class))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(listener.events()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(token));
    }

    @Test
    void anonymousClientSendsNoAuthorizationAndPrivateRepositoryIsNotFound(Emulator bb) {
        RecordingListener listener = new RecordingListener();
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .listener(listener)
                .anonymous()
                .build()) {
            assertThatThrownBy(() -> client.repository("acme", "infra")).isInstanceOf(NotFoundException.class);
        }
        assertThat(listener.events(HttpEvent.RequestSent.class).get(0).headers().contains("Authorization"))
                .isFalse();
    }

    // ---- typed calls: repository, branch, createBranch, currentUser ----

    /** The branch tip as Git sees it in the emulator's bare repository (independent of the REST answer). */
    private static String gitTip(Emulator bb, String repo, String branch) {
        try (Repository git = new FileRepositoryBuilder()
                .setGitDir(bb.dataDir()
                        .resolve("repositories/acme/" + repo + ".git")
                        .toFile())
                .build()) {
            ObjectId id = git.resolve("refs/heads/" + branch);
            return id == null ? null : id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sendsUserAgentWithVersionAndKnowsCredentialSource(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            client.repository("acme", "infra");

            assertThat(EmulatorJournal.api(bb, 1).get(0).headers().get("User-Agent"))
                    .startsWith("bbpush/");
            assertThat(client.credentials().orElseThrow().source().type()).isEqualTo(CredentialSource.Type.EXPLICIT);
        }
    }

    @Test
    void branchReturnsTheHeadCommitOfAnExistingBranch(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            assertThat(client.branch("acme", "infra", "main"))
                    .contains(new Branch("main", gitTip(bb, "infra", "main")));
        }
    }

    @Test
    void createBranchPostsOnceAndKeepsSlashesInTheName(Emulator bb) {
        String main = gitTip(bb, "infra", "main");
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            Branch created = client.createBranch("acme", "infra", "feature/x", main);

            assertThat(created).isEqualTo(new Branch("feature/x", main));
            assertThat(gitTip(bb, "infra", "feature/x")).isEqualTo(main);
            assertThat(client.branch("acme", "infra", "feature/x")).contains(created);
        }
        assertThat(EmulatorJournal.api(bb, 2))
                .extracting(e -> e.method() + " " + e.path())
                .containsExactly(
                        "POST /2.0/repositories/acme/infra/refs/branches",
                        "GET /2.0/repositories/acme/infra/refs/branches/feature/x");
    }

    @Test
    void createBranchThatAlreadyExistsIsConflictAndIsNotRetried(Emulator bb) {
        String main = gitTip(bb, "infra", "main");
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            client.createBranch("acme", "infra", "release", main);

            assertThatThrownBy(() -> client.createBranch("acme", "infra", "release", main))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.error().dataKey()).contains("BRANCH_ALREADY_EXISTS");
                    })
                    .hasMessageContaining("conflict (400");
        }
        assertThat(EmulatorJournal.api(bb, 2)).extracting(JournalEntry::status).containsExactly(201, 400);
    }

    @Test
    void createBranchAtAnUnknownCommitIsNotFound(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            assertThatThrownBy(
                            () -> client.createBranch("acme", "infra", "x", "0123456789abcdef0123456789abcdef01234567"))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(gitTip(bb, "infra", "x")).isNull();
    }

    @Test
    void missingBranchInAnExistingRepositoryIsEmpty(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            assertThat(client.branch("acme", "infra", "nope")).isEmpty();
        }
    }

    @Test
    void branchOfAMissingRepositoryIsNotFound(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            assertThatThrownBy(() -> client.branch("acme", "gone", "main"))
                    .isInstanceOfSatisfying(
                            NotFoundException.class,
                            e -> assertThat(e.uri().getPath()).isEqualTo("/2.0/repositories/acme/gone"));
        }
    }

    @Test
    void emptyRepositoryNamesItsMainBranchWhichHasNoCommitYet(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            // The emulator reports the configured main branch of an empty repository (docs/emulator.md); the branch
            // itself
            // does not exist until the first commit.
            assertThat(client.repository("acme", "empty").mainBranch()).contains("main");
            assertThat(client.branch("acme", "empty", "main")).isEmpty();
        }
    }

    @Test
    void repositoryWithoutMainbranchHasNoMainBranch(Emulator bb) {
        // Bitbucket's answer for an empty repository is uncertain (bitbucket-cloud-rest.md §4.1): a null mainbranch
        // must
        // work too.
        bb.faults()
                .add(
                        Fault.on("GET", "^/2.0/repositories/acme/empty$")
                                .respond(
                                        200,
                                        "{\"type\":\"repository\","
                                                + "\"full_name\":\"acme/empty\",\"uuid\":\"{e}\",\"is_private\":true,\"mainbranch\":null}"));
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            // fqn: JGit's Repository is imported here
            dev.bbpush.client.Repository repo = client.repository("acme", "empty");

            assertThat(repo.fullName()).isEqualTo("acme/empty");
            assertThat(repo.mainBranch()).isEmpty();
        }
    }

    @Test
    void successBodyThatIsNotJsonIsUnexpectedResponse(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod("^/2.0/repositories/acme/infra$").respond(200, "<html>proxy login</html>"));
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOf(UnexpectedResponseException.class)
                    .hasMessageContaining("not a JSON object");
        }
    }

    @Test
    void currentUserWithApiTokenIsTheAccount(Emulator bb) {
        try (BitbucketClient client = rahul(bb, new RecordingListener())) {
            User me = client.currentUser();

            assertThat(me.type()).isEqualTo("user");
            assertThat(me.displayName()).isEqualTo("Rahul Dev");
            assertThat(me.nickname()).isEqualTo("rahul-dev");
            assertThat(me.uuid()).startsWith("{").endsWith("}");
            assertThat(me.accountId()).startsWith("557058:");
        }
    }

    @Test
    void currentUserWithAccessTokenIsAccessDeniedWithBitbucketsWords(Emulator bb) {
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.accessToken(bb.secret("infra-repo-token")))
                .build()) {
            assertThatThrownBy(client::currentUser)
                    .isExactlyInstanceOf(AccessDeniedException.class)
                    .satisfies(e ->
                            assertThat(((AccessDeniedException) e).status()).isEqualTo(403))
                    .hasMessageContaining("This API is not accessible by this authentication mechanism");
        }
    }
}
