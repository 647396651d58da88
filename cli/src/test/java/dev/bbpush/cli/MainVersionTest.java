package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bbpush --version} has a fast path in {@link Main#main} that skips picocli; it must print the same. */
class MainVersionTest {
    @Test
    void fastVersionPathPrintsWhatPicocliPrints() {
        StringWriter fast = new StringWriter();
        Main.printVersion(new PrintWriter(fast, true));

        CliRun picocli = CliRun.run(Map.of(), "--version");
        CliRun shortOption = CliRun.run(Map.of(), "-V");

        assertThat(picocli.code()).isZero();
        assertThat(fast.toString())
                .isEqualTo(picocli.out())
                .isEqualTo(shortOption.out())
                .startsWith("bbpush ");
    }
}
