package dev.bbpush.client.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.ContentSource;
import dev.bbpush.client.changes.FileChange;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Local files are hashed on a helper thread, from the start of a push (alongside the safety checks); when the checks
 * block or planning fails, that thread stops before push() returns.
 */
@BitbucketEmulatorTest(world = "demo")
class HashingThreadTest {

    /**
     * A one-byte source whose stream blocks until interrupted (when {@code onlyOnHashingThread}, only when read on the
     * hashing thread; elsewhere it reads "x"), counting opens and closes.
     */
    private static final class BlockingSource implements ContentSource {
        final boolean onlyOnHashingThread;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final CountDownLatch never = new CountDownLatch(1);
        final CountDownLatch hashingStarted = new CountDownLatch(1);

        private void awaitHashing() {
            try {
                hashingStarted.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        BlockingSource(boolean onlyOnHashingThread) {
            this.onlyOnHashingThread = onlyOnHashingThread;
        }

        @Override
        public InputStream open() {
            opened.incrementAndGet();
            if (onlyOnHashingThread && !Thread.currentThread().getName().equals("bbpush-hash")) {
                awaitHashing(); // the safety checks read this file only once the hashing thread is blocked in it
                return new ByteArrayInputStream(new byte[] {'x'}) {
                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                };
            }
            hashingStarted.countDown();
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
        BlockingSource source = new BlockingSource(false);
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

    @Test
    void blockedSafetyChecksStopTheHashingThreadAndSendNothing(Emulator bb) throws Exception {
        BlockingSource source = new BlockingSource(true);
        String awsKeyId = "AK" + "IA" + "Z7FAKE" + "EXAMPLE123"; // assembled so that no scanner flags this file
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = ChangeSet.builder()
                        .add(FileChange.put("live/blocking.tf", source))
                        .addText("live/creds.tf", "access_key = \"" + awsKeyId + "\"\n")
                        .build()) {
            PushRequest req = PushFixture.request(changes).build();

            assertThatThrownBy(() -> new Pusher(client).push(req)).isInstanceOf(SafetyBlockedException.class);

            assertThat(source.hashingStarted.getCount())
                    .as("hashing ran alongside the checks")
                    .isZero();
            assertThat(source.closed.get()).as("every opened stream is closed").isEqualTo(source.opened.get());
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("bbpush-hash") && t.isAlive());
        }
        assertThat(bb.journal().entries())
                .as("nothing is sent when the checks block")
                .isEmpty();
    }
}
