package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to {@code POST /src}: every refusal is a 4xx in Bitbucket's error envelope and leaves the
 * repository exactly as it was.
 */
@BitbucketEmulatorTest(world = "demo")
class SrcBadInputTest {

    /** Runs {@code request} and asserts a 4xx error envelope with {@code status} and no ref moved. */
    private static Http.Response assertRefusedUnchanged(Emulator bb, int status, Supplier<Http.Response> request) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            Map<String, String> before = repo.refs();
            Http.Response r = request.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(status);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.json().path("type").asText()).isEqualTo("error");
            assertThat(r.json().path("error").path("message").asText()).isNotBlank();
            assertThat(repo.refs()).isEqualTo(before);
            return r;
        }
    }

    /** The first message of {@code fields.<name>}, failing when the field is not named. */
    private static String field(Http.Response r, String name) {
        assertThat(r.json().path("error").path("fields").has(name))
                .as(r.toString())
                .isTrue();
        return r.json().path("error").path("fields").path(name).get(0).asText();
    }

    private static Http.Response multipart(Emulator bb, SrcForm form) {
        return Http.postMultipart(src(bb), rahul(bb), form.builder());
    }

    @Test
    void completelyEmptyFormIs400(Emulator bb) {
        assertRefusedUnchanged(bb, 400, () -> Http.postForm(src(bb), rahul(bb), ""));
    }

    @Test
    void bodyThatIsNotAFormIs400(Emulator bb) {
        assertRefusedUnchanged(bb, 400, () -> Http.postJson(src(bb), rahul(bb), "{\"message\":\"x\"}"));
    }

    @Test
    void malformedMultipartIs400(Emulator bb) {
        byte[] body = "this is not multipart at all\r\n".getBytes(StandardCharsets.US_ASCII);

        Http.Response r = assertRefusedUnchanged(
                bb, 400, () -> Http.postRaw(src(bb), rahul(bb), "multipart/form-data; boundary=XYZ", body));

        // The container fails the body, so the emulator tells the client not to reuse the connection.
        assertThat(r.header("Connection")).isEqualTo("close");
    }

    @Test
    void multipartWithoutBoundaryIs400(Emulator bb) {
        byte[] body = "--XYZ\r\nContent-Disposition: form-data; name=\"a.txt\"\r\n\r\na\r\n--XYZ--\r\n"
                .getBytes(StandardCharsets.US_ASCII);

        assertRefusedUnchanged(bb, 400, () -> Http.postRaw(src(bb), rahul(bb), "multipart/form-data", body));
    }

    @Test
    void truncatedMultipartBodyIs400(Emulator bb) {
        // Complete as far as the bytes go, but the closing boundary never comes.
        byte[] body = ("--XYZ\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nhello\r\n"
                        + "--XYZ\r\nContent-Disposition: form-data; name=\"a.txt\"\r\n\r\npartial conte")
                .getBytes(StandardCharsets.US_ASCII);

        assertRefusedUnchanged(
                bb, 400, () -> Http.postRaw(src(bb), rahul(bb), "multipart/form-data; boundary=XYZ", body));
    }

    @Test
    void connectionClosedMidBodyLeavesTheRepositoryUnchanged(Emulator bb) throws Exception {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            Map<String, String> before = repo.refs();
            URI api = URI.create(bb.apiUrl());
            String part = "--XYZ\r\nContent-Disposition: form-data; name=\"a.txt\"\r\n\r\n" + "x".repeat(1000);
            try (Socket s = new Socket(api.getHost(), api.getPort())) {
                OutputStream out = s.getOutputStream();
                out.write(("POST /2.0/repositories/acme/infra/src HTTP/1.1\r\nHost: " + api.getHost() + "\r\n"
                                + "Authorization: " + rahul(bb) + "\r\n"
                                + "Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 100000\r\n\r\n"
                                + part)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                s.shutdownOutput();
                InputStream in = s.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).doesNotStartWith("HTTP/1.1 201").doesNotStartWith("HTTP/1.1 500");
            } catch (IOException e) {
                // The server may reset the connection; either way nothing may be committed.
            }
            // The journal completes the request once the server is done with it, side effects included.
            assertThat(bb.journal()
                            .await(
                                    e -> e.method().equals("POST") && e.path().endsWith("/acme/infra/src"),
                                    Duration.ofSeconds(30)))
                    .as("the aborted request was handled to the end")
                    .isPresent();
            assertThat(repo.refs()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../escape.tf",
                "a/../../b.tf",
                "a/./b.tf",
                "./a.tf",
                "a//b.tf",
                "//a.tf",
                "dir/",
                "/",
                ".git/config",
                "a/.GIT/hooks/x",
                ".git",
                "a/.git./x",
                "git~1/config",
                "a%00b",
                "a%01b",
                "a%0Ab",
                "a%7Fb"
            })
    void invalidPathsAre400(String encodedPath, Emulator bb) {
        Http.Response r = assertRefusedUnchanged(
                bb, 400, () -> Http.postForm(src(bb), rahul(bb), encodedPath.replace("/", "%2F") + "=x"));

        assertThat(r.json().path("error").path("fields").size()).isEqualTo(1);
    }

    @Test
    void emptyFieldNameIs400(Emulator bb) {
        assertRefusedUnchanged(bb, 400, () -> Http.postForm(src(bb), rahul(bb), "=content"));
    }

    @Test
    void invalidPathInFilesIs400(Emulator bb) {
        Http.Response r = assertRefusedUnchanged(bb, 400, () -> Http.postForm(src(bb), rahul(bb), "files=..%2Fx"));

        assertThat(r.json().path("error").path("fields").has("files")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Rahul",
                "rahul@acme.example",
                "<rahul@acme.example>",
                "Rahul <>",
                "Rahul <rahul@acme.example",
                "Rahul rahul@acme.example>",
                "Rahul <a b@example.com>",
                "Rahul <x@y> trailing",
                "Ra<hul <x@y>",
                "Rahul%0A <x@y>",
                ""
            })
    void invalidAuthorIs400WithAuthorField(String encodedAuthor, Emulator bb) {
        Http.Response r = assertRefusedUnchanged(
                bb,
                400,
                () -> Http.postForm(
                        src(bb),
                        rahul(bb),
                        "author="
                                + encodedAuthor
                                        .replace(" ", "+")
                                        .replace("<", "%3C")
                                        .replace(">", "%3E") + "&a.txt=a"));

        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Bad request");
        assertThat(r.json().path("error").path("fields").has("author")).isTrue();
    }

    @Test
    void deletingAPathThatDoesNotExistFailsTheWholeCommit(Emulator bb) {
        Http.Response r = assertRefusedUnchanged(
                bb,
                400,
                () -> multipart(
                        bb, SrcForm.create().field("files", "no/such/file.tf").file("new.tf", "x")));

        assertThat(r.json().path("error").path("fields").path("files").get(0).asText())
                .contains("no/such/file.tf");
    }

    @Test
    void unknownAttributeIs400(Emulator bb) {
        Http.Response r = assertRefusedUnchanged(
                bb,
                400,
                () -> multipart(
                        bb,
                        SrcForm.create()
                                .raw("a.sh", "form-data; name=\"a.sh\"; x-attributes=\"executible\"", "x".getBytes())));

        assertThat(field(r, "a.sh")).contains("executible");
    }

    @Test
    void symlinkNamedGitmodulesIs400(Emulator bb) {
        assertRefusedUnchanged(
                bb,
                400,
                () -> multipart(
                        bb,
                        SrcForm.create()
                                .raw(
                                        ".gitmodules",
                                        "form-data; name=\".gitmodules\"; x-attributes=\"link\"",
                                        "x".getBytes())));
    }

    @Test
    void samePathTwiceIs400(Emulator bb) {
        Http.Response r = assertRefusedUnchanged(
                bb,
                400,
                () -> multipart(bb, SrcForm.create().field("a.txt", "1").field("/a.txt", "2")));

        assertThat(field(r, "/a.txt")).contains("more than once");
    }

    @Test
    void pathUploadedAsFileAndAsDirectoryIs400(Emulator bb) {
        assertRefusedUnchanged(
                bb, 400, () -> multipart(bb, SrcForm.create().field("a", "1").field("a/b.txt", "2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad..name", "ends.lock", "has space", "-", "HEAD", "a//b", "/lead", "trail/", ""})
    void invalidBranchNameIs400(String branch, Emulator bb) {
        Http.Response r = assertRefusedUnchanged(
                bb,
                400,
                () -> multipart(bb, SrcForm.create().field("branch", branch).field("a.txt", "a")));

        assertThat(r.json().path("error").path("fields").has("branch")).isTrue();
    }

    @Test
    void repeatedMessageIs400(Emulator bb) {
        Http.Response r = assertRefusedUnchanged(
                bb,
                400,
                () -> multipart(
                        bb,
                        SrcForm.create()
                                .field("message", "a")
                                .field("message", "b")
                                .field("a.txt", "a")));

        assertThat(field(r, "message")).isEqualTo("Only one value is accepted.");
    }

    @Test
    void nonHexParentsIs400(Emulator bb) {
        Http.Response r = assertRefusedUnchanged(
                bb,
                400,
                () -> multipart(bb, SrcForm.create().field("parents", "main").field("a.txt", "a")));

        assertThat(field(r, "parents")).isEqualTo("Not a commit SHA1: main");
    }

    @Test
    void messageWithNulIs400(Emulator bb) {
        Http.Response r =
                assertRefusedUnchanged(bb, 400, () -> Http.postForm(src(bb), rahul(bb), "message=a%00b&a.txt=a"));

        assertThat(field(r, "message")).contains("NUL");
    }

    @Test
    void badPercentEscapeIs400(Emulator bb) {
        assertRefusedUnchanged(bb, 400, () -> Http.postForm(src(bb), rahul(bb), "a.txt=%ZZ"));
    }

    @Test
    void unknownRepositoryIs404(Emulator bb) {
        Http.Response r = Http.postMultipart(
                bb.apiUrl() + "/repositories/acme/nope/src",
                rahul(bb),
                SrcForm.create().field("a.txt", "a").builder());

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
    }

    @Test
    void accountWithoutAccessGets404AndNothingIsCommitted(Emulator bb) {
        String alex = Http.basic("alex@acme.example", bb.secret("alex-api-token"));

        assertRefusedUnchanged(
                bb,
                404,
                () -> Http.postMultipart(
                        src(bb), alex, SrcForm.create().field("a.txt", "a").builder()));
    }

    @Test
    void anonymousCannotCommit(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            Map<String, String> before = repo.refs();

            Http.Response r = Http.postMultipart(
                    src(bb), null, SrcForm.create().field("a.txt", "a").builder());

            // Anonymous users cannot tell a private repository from a missing one.
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().path("error").path("message").asText())
                    .startsWith("You may not have access to this repository");
            assertThat(repo.refs()).isEqualTo(before);
        }
    }

    @Test
    void unknownBranchOrCommitToReadIs404(Emulator bb) {
        for (String ref : List.of("no-such-branch", "0123456789abcdef0123456789abcdef01234567", "abc", "deadbeef")) {
            Http.Response r = Http.get(src(bb) + "/" + ref + "/", rahul(bb));
            assertThat(r.status()).as(ref).isEqualTo(404);
            assertThat(r.json().path("error").path("message").asText()).isEqualTo("Commit not found");
        }
    }
}
