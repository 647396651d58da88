package dev.bbpush.client.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.JournalEntry;
import java.util.List;

/** Checks every doctor scenario shares: the request budget, no writes, and no secret in any text. */
final class DoctorAssertions {
    private DoctorAssertions() {}

    static DoctorContext.Builder context(Emulator bb) {
        return DoctorContext.builder().apiUrl(bb.apiUrl());
    }

    /** At most {@link DoctorContext#MAX_REQUESTS} requests, none of them a write (the OAuth token POST mints a token). */
    static void assertBoundedAndReadOnly(Emulator bb) {
        List<JournalEntry> entries = bb.journal().entries();
        assertThat(entries).as("requests the doctor made").hasSizeLessThanOrEqualTo(DoctorContext.MAX_REQUESTS);
        for (JournalEntry e : entries) {
            boolean tokenRequest = e.method().equals("POST") && e.path().equals("/site/oauth2/access_token");
            assertThat(e.method().equals("GET") || tokenRequest)
                    .as(e.method() + " " + e.path())
                    .isTrue();
        }
    }

    /** No secret appears in the diagnosis: summary, fix, evidence, credential, toString. */
    static void assertNoSecret(Diagnosis d, String... secrets) {
        StringBuilder all = new StringBuilder(d.toString())
                .append(d.summary())
                .append(d.fix())
                .append(d.credential());
        for (Evidence e : d.evidence()) {
            all.append(e).append(e.describe());
        }
        for (String s : secrets) {
            assertThat(all.toString()).as("diagnosis text").doesNotContain(s);
        }
        // No Authorization value beyond its masked form (a Basic value would reveal email:token in base64).
        assertThat(all.toString()).doesNotContainPattern("(Basic|Bearer) [A-Za-z0-9+/=_.-]{12,}");
    }
}
