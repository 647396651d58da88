package dev.bbpush.client.push;

import static dev.bbpush.client.push.PushFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.safety.SafetyOverrides;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing leaves the machine when the safety checks block; nothing a push reports contains a secret. */
@BitbucketEmulatorTest(world = "demo")
class PushSafetyTest {
    /** Assembled at run time so that no scanner flags this file. */
    private static final String AWS_KEY_ID = "AK" + "IA" + "Z7FAKE" + "EXAMPLE123";

    @Test
    void secretInAFileBlocksThePushBeforeAnyRequest(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes =
                        PushFixture.texts(Map.of("live/creds.tf", "access_key = \"" + AWS_KEY_ID + "\"\n"))) {
            assertThatThrownBy(() -> new Pusher(client).push(request(changes).build()))
                    .isInstanceOfSatisfying(SafetyBlockedException.class, e -> {
                        assertThat(e.report().blocked()).isTrue();
                        assertThat(e.report().blockingFindings())
                                .singleElement()
                                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("aws-access-key-id"));
                        assertThat(e.getMessage()).contains("live/creds.tf").doesNotContain(AWS_KEY_ID);
                    });
        }
        assertThat(bb.journal().entries()).isEmpty();
    }

    @Test
    void terraformStateNamedExplicitlyIsRefusedBeforeAnyRequest(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/terraform.tfstate", "{\"version\": 4}\n"))) {
            assertThatThrownBy(() -> new Pusher(client).push(request(changes).build()))
                    .isInstanceOfSatisfying(
                            SafetyBlockedException.class,
                            e -> assertThat(e.report().blockingFindings())
                                    .singleElement()
                                    .satisfies(f -> assertThat(f.ruleId()).isEqualTo("terraform-profile")));
        }
        assertThat(bb.journal().entries()).isEmpty();
    }

    @Test
    void overrideForOnePathAndRuleLetsThePushThrough(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/example.tf", "# " + AWS_KEY_ID + "\n"))) {
            PushResult r = new Pusher(client)
                    .push(request(changes)
                            .safetyOverrides(SafetyOverrides.none().allow("live/example.tf", "aws-access-key-id"))
                            .build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.safety().orElseThrow().findings())
                    .singleElement()
                    .satisfies(f -> assertThat(f.allowed()).isTrue());
        }
    }

    @Test
    void noEventResultOrErrorOfAPushContainsASecret(Emulator bb) throws Exception {
        List<String> said = new ArrayList<>();
        PushListener recorder = e -> said.add(e.toString());
        List<Credentials> credentials = List.of(
                Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")),
                Credentials.accessToken(bb.secret("infra-repo-token")),
                Credentials.accessToken(bb.secret("acme-workspace-token")),
                Credentials.oauthClientCredentials(bb.credential("acme-agent").key(), bb.secret("acme-agent")));
        int n = 0;
        for (Credentials c : credentials) {
            n++;
            try (BitbucketClient client = PushFixture.client(bb, c)) {
                said.add(client.toString());
                // A commit with a pull request, an unchanged push, a blocked push, a conflict and a Git fallback.
                try (ChangeSet changes = PushFixture.texts(Map.of("live/s" + n + ".tf", "s\n"))) {
                    PushRequest req = request(changes)
                            .branch("leak/" + n)
                            .listener(recorder)
                            .pullRequest(PullRequestSpec.titled("Leak check " + n))
                            .build();
                    said.add(req.toString());
                    said.add(new Pusher(client).push(req).toString());
                    said.add(new Pusher(client).push(req).toString());
                }
                try (ChangeSet changes =
                        PushFixture.texts(Map.of("live/t.tf", "token = \"" + bb.secret("rahul-api-token") + "\"\n"))) {
                    said.add(catchMessage(() -> new Pusher(client)
                            .push(request(changes).listener(recorder).build())));
                }
                String ours = "live/c" + n + ".tf";
                try (ChangeSet changes = PushFixture.texts(Map.of(ours, "mine\n"))) {
                    PushListener conflicting = e -> {
                        recorder.onEvent(e);
                        if (e instanceof PushEvent.PlanReady) {
                            try (BitbucketClient other = PushFixture.rahul(bb);
                                    ChangeSet theirs = PushFixture.texts(Map.of(ours, "theirs\n"))) {
                                new Pusher(other)
                                        .push(request(theirs)
                                                .safetyChecks(false)
                                                .build());
                            } catch (Exception ex) {
                                throw new IllegalStateException(ex);
                            }
                        }
                    };
                    said.add(catchMessage(() -> new Pusher(client)
                            .push(request(changes).listener(conflicting).build())));
                }
                bb.faults().add(Fault.onAnyMethod("\\.git/").times(2).respond(401));
                try (ChangeSet changes = PushFixture.texts(Map.of("live/f" + n + ".tf", "f\n"))) {
                    said.add(new Pusher(client)
                            .push(request(changes).listener(recorder).build())
                            .toString());
                }
            }
        }
        assertThat(said).anySatisfy(s -> assertThat(s).contains("PlanFallback"));
        assertThat(said).anySatisfy(s -> assertThat(s).contains("moved"));
        for (String name : List.of("rahul-api-token", "infra-repo-token", "acme-workspace-token", "acme-agent")) {
            String secret = bb.secret(name);
            assertThat(said).allSatisfy(s -> assertThat(s).doesNotContain(secret));
        }
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
            return "no exception";
        } catch (RuntimeException e) {
            return e + " / " + e.getMessage() + " / cause " + e.getCause();
        }
    }
}
