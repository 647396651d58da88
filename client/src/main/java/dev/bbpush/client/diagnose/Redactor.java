package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.Secret;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every secret the doctor handled with its masked form, in any text that leaves it (summaries, fixes,
 * evidence). A second line of defence: texts are built from masked values to begin with.
 */
final class Redactor {
    private final List<String> secrets = new ArrayList<>();

    /** Remembers a secret (token, password, {@code Authorization} value and its base64 part). */
    void add(String secret) {
        if (secret == null || secret.length() < 4) {
            return;
        }
        secrets.add(secret);
        int space = secret.indexOf(' ');
        if (space > 0 && space < secret.length() - 1) {
            secrets.add(secret.substring(space + 1));
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
    }

    void add(Secret secret) {
        if (secret != null) {
            add(secret.reveal());
        }
    }

    String scrub(String text) {
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, Secret.mask(s));
            }
        }
        return out;
    }
}
