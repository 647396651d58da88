package dev.bbpush.client.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.ContentSource;
import dev.bbpush.client.changes.FileChange;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Local files are hashed on a helper thread; when planning fails, that thread stops before push() returns. */
@BitbucketEmulatorTest(world = "demo")
class HashingThreadTest {

    /** A one-byte source whose stream blocks until interrupted, counting opens and closes. */
    private static final class BlockingSource implements ContentSource {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final CountDownLatch never = new CountDownLatch(1);

        @Override
        public InputStream open() {
            opened.incrementAndGet();
            return new InputStream() {
                @Override
                public int read() throws InterruptedIOException {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("interrupted");
                    }
                    return -1;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public long size() {
            return 1;
        }

        @Override
        public String description() {
            return "blocking";
        }
    }

    @Test
    void failedPlanningStopsTheHashingThreadBeforePushReturns(Emulator bb) throws Exception {
        BlockingSource source = new BlockingSource();
        PushListener failAtPlanning = e -> {
            if (e instanceof PushEvent.Planning) {
                throw new IllegalStateException("planning failed");
            }
        };
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = ChangeSet.builder()
                        .add(FileChange.put("live/blocking.tf", source))
                        .build()) {
            PushRequest req = PushFixture.request(changes)
                    .safetyChecks(false)
                    .listener(failAtPlanning)
                    .build();

            assertThatThrownBy(() -> new Pusher(client).push(req)).hasMessageContaining("planning failed");

            assertThat(source.closed.get()).as("every opened stream is closed").isEqualTo(source.opened.get());
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("bbpush-hash") && t.isAlive());
        }
    }
}
