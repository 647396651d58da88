package dev.bbpush.client.push;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.FileMode;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Helpers for push tests: clients for the demo world's credentials and JGit reads of the emulator's bare repos. */
final class PushFixture {
    static final String EMAIL = "rahul@acme.example";

    private PushFixture() {}

    static BitbucketClient rahul(Emulator bb) {
        return client(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")));
    }

    static BitbucketClient client(Emulator bb, Credentials credentials) {
        return BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(credentials)
                .clock(emulatorClock(bb))
                .retryPolicy(RetryPolicy.builder().sleeper(d -> {}).build())
                .build();
    }

    /** The emulator's clock as a {@link Clock}, so OAuth renewal follows {@code bb.clock().advance(...)}. */
    static Clock emulatorClock(Emulator bb) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return bb.clock().now();
            }
        };
    }

    static ChangeSet texts(Map<String, String> files) {
        try {
            var b = ChangeSet.builder();
            files.forEach(b::addText);
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PushRequest.Builder request(ChangeSet changes) {
        return PushRequest.builder().repository("acme", "infra").changes(changes);
    }

    static Repository bare(Emulator bb, String repo) {
        try {
            return new FileRepositoryBuilder()
                    .setGitDir(bb.dataDir()
                            .resolve("repositories/acme/" + repo + ".git")
                            .toFile())
                    .setMustExist(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> head(Emulator bb, String branch) {
        try (Repository r = bare(bb, "infra")) {
            ObjectId id = r.resolve("refs/heads/" + branch);
            return Optional.ofNullable(id).map(ObjectId::name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits reachable from the branch. */
    static int commitCount(Emulator bb, String branch) {
        try (Repository r = bare(bb, "infra");
                RevWalk rw = new RevWalk(r)) {
            rw.markStart(rw.parseCommit(r.resolve("refs/heads/" + branch)));
            int n = 0;
            for (RevCommit c : rw) {
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RevCommit commit(Emulator bb, String sha) {
        try (Repository r = bare(bb, "infra");
                RevWalk rw = new RevWalk(r)) {
            RevCommit c = rw.parseCommit(ObjectId.fromString(sha));
            rw.parseBody(c);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file of a tree: content and mode. */
    record TreeFile(byte[] content, FileMode mode) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** Path → file at the branch head. */
    static Map<String, TreeFile> tree(Emulator bb, String branch) {
        Map<String, TreeFile> files = new TreeMap<>();
        try (Repository r = bare(bb, "infra");
                RevWalk rw = new RevWalk(r);
                TreeWalk tw = new TreeWalk(r)) {
            tw.addTree(rw.parseCommit(r.resolve("refs/heads/" + branch)).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                files.put(
                        tw.getPathString(),
                        new TreeFile(r.open(tw.getObjectId(0)).getBytes(), GitTreeReader.modeOf(tw.getRawMode(0))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<JournalEntry> rest(Emulator bb) {
        return bb.journal().entries().stream()
                .filter(e -> e.path().startsWith("/2.0/"))
                .toList();
    }

    static List<JournalEntry> git(Emulator bb) {
        return bb.journal().entries().stream()
                .filter(e -> e.path().contains(".git/"))
                .toList();
    }

    static long srcPosts(Emulator bb) {
        return bb.journal().entries().stream()
                .filter(e -> e.method().equals("POST") && e.path().endsWith("/src"))
                .count();
    }

    /** Records every push event. */
    static final class Events implements PushListener {
        final List<PushEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(PushEvent event) {
            events.add(event);
        }

        <T extends PushEvent> List<T> of(Class<T> type) {
            List<T> out = new ArrayList<>();
            events.stream().filter(type::isInstance).map(type::cast).forEach(out::add);
            return out;
        }
    }
}
