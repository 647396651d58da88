package dev.bbpush.client.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeIdTrailerTest {
    private static final UUID ID = UUID.fromString("0b9e4a52-4f7e-4a59-9a43-5b1f3c2e7d10");
    private final ChangeIdTrailer trailer = new ChangeIdTrailer();

    @Test
    void appendsTrailerAsItsOwnParagraph() {
        String msg = trailer.append("Update live/main.tf\n\nBody text.\n", ID);

        assertThat(msg).isEqualTo("Update live/main.tf\n\nBody text.\n\nBbpush-Change-Id: " + ID + "\n");
        assertThat(trailer.parse(msg)).contains(ID);
    }

    @Test
    void joinsAnExistingTrailerParagraph() {
        String msg = trailer.append("Subject\n\nSigned-off-by: Rahul Dev <rahul@acme.example>", ID);

        assertThat(msg)
                .isEqualTo("Subject\n\nSigned-off-by: Rahul Dev <rahul@acme.example>\nBbpush-Change-Id: " + ID + "\n");
    }

    @Test
    void replacesAnExistingChangeIdInsteadOfAddingASecond() {
        UUID other = UUID.randomUUID();
        String msg = trailer.append(trailer.append("Subject", other), ID);

        assertThat(msg).isEqualTo("Subject\n\nBbpush-Change-Id: " + ID + "\n");
    }

    @Test
    void parsesFromMessageWithTrailingNewlinesAndCaseInsensitiveKey() {
        assertThat(trailer.parse("Subject\n\nbbpush-change-id: " + ID + "\n\n")).contains(ID);
    }

    @Test
    void ignoresTheKeyOutsideTheLastParagraphOrWithAnInvalidUuid() {
        assertThat(trailer.parse("Bbpush-Change-Id: " + ID + "\n\nlater paragraph"))
                .isEmpty();
        assertThat(trailer.parse("Subject\n\nBbpush-Change-Id: not-a-uuid")).isEmpty();
        assertThat(trailer.parse(null)).isEmpty();
    }

    @Test
    void keyIsConfigurable() {
        ChangeIdTrailer custom = new ChangeIdTrailer("X-Deploy-Id");

        String msg = custom.append("Deploy", ID);

        assertThat(msg).isEqualTo("Deploy\n\nX-Deploy-Id: " + ID + "\n");
        assertThat(custom.parse(msg)).contains(ID);
        assertThat(trailer.parse(msg)).isEmpty();
        assertThatThrownBy(() -> new ChangeIdTrailer("bad key:")).isInstanceOf(IllegalArgumentException.class);
    }
}
