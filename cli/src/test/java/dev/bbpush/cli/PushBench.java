package dev.bbpush.cli;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.push.PushEvent;
import dev.bbpush.client.push.PushRequest;
import dev.bbpush.client.push.PushResult;
import dev.bbpush.client.push.Pusher;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Library push timing for {@code bench/push.sh} (not a test). Pushes each directory argument, in one JVM, to its own
 * new branch {@code PREFIX-<n>} (n = 0, 1, ...) under {@code --to bench}, and prints one line per push: {@code dir
 * ms status rest git (build, scan, hash+plan, commit)}. The time covers what {@code bbpush push} does after start-up:
 * building the change set (walk and stat), the safety scan, hashing, the plan over Git and the commit request. The
 * first directory is the JVM warm-up.
 *
 * <p>Usage: {@code PushBench API_URL EMAIL BRANCH_PREFIX DIR...}; the API token comes from {@code BBPUSH_API_TOKEN}.
 */
public final class PushBench {
    private PushBench() {}

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    public static void main(String[] args) throws Exception {
        String apiUrl = args[0];
        String email = args[1];
        String prefix = args[2];
        String token = System.getenv("BBPUSH_API_TOKEN");
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(apiUrl)
                .credentials(Credentials.apiToken(email, token))
                .build()) {
            Pusher pusher = new Pusher(client);
            for (int i = 3; i < args.length; i++) {
                long start = System.nanoTime();
                long[] at = new long[3]; // safety scan done, plan ready, commit created
                PushResult r;
                try (ChangeSet changes = ChangeSet.builder()
                        .to("bench")
                        .addPath(Path.of(args[i]))
                        .build()) {
                    long built = System.nanoTime();
                    r = pusher.push(PushRequest.builder()
                            .repository("acme", "infra")
                            .changes(changes)
                            .branch(prefix + "-" + (i - 3))
                            .listener(e -> {
                                if (e instanceof PushEvent.SafetyChecked) {
                                    at[0] = System.nanoTime();
                                } else if (e instanceof PushEvent.PlanReady) {
                                    at[1] = System.nanoTime();
                                } else if (e instanceof PushEvent.CommitCreated) {
                                    at[2] = System.nanoTime();
                                }
                            })
                            .build());
                    System.out.printf(
                            Locale.ROOT,
                            "%s %d %s %d %d  (build %d, scan %d, hash+plan %d, commit %d)%n",
                            Path.of(args[i]).getFileName(),
                            ms(start, System.nanoTime()),
                            r.status().wireName(),
                            r.requests().rest(),
                            r.requests().git(),
                            ms(start, built),
                            ms(built, at[0]),
                            ms(at[0], at[1]),
                            ms(at[1], at[2]));
                }
            }
        }
    }
}
