package dev.bbpush.cli.output;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line upload bar on standard error, redrawn with {@code \r}: {@code Uploading [#####.....]  52%  5.2 / 10.0
 * MiB}. Drawn only for uploads of at least {@link #MIN_BYTES} (small commits finish before a bar helps) and only when
 * the caller decided a person is watching (a terminal, see {@code CliContext#interactive()}).
 */
final class ProgressBar {
    static final long MIN_BYTES = 1024 * 1024;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private boolean drawing;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    synchronized void update(long sent, long total) {
        if (total < MIN_BYTES) {
            return;
        }
        int filled = (int) (WIDTH * Math.min(sent, total) / total);
        String line = String.format(
                Locale.ROOT,
                "\rUploading [%s%s] %3d%%  %.1f / %.1f MiB",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                100 * Math.min(sent, total) / total,
                sent / 1048576.0,
                total / 1048576.0);
        err.print(line);
        drawing = true;
        if (sent >= total) {
            err.println();
            drawing = false;
        }
        err.flush();
    }

    /** Ends a bar that did not reach 100% (a failed upload) so the next message starts on its own line. */
    synchronized void finish() {
        if (drawing) {
            err.println();
            err.flush();
            drawing = false;
        }
    }
}
