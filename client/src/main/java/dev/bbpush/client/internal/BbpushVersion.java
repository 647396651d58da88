package dev.bbpush.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library version, from the build-filtered {@code version.properties}. Internal: not part of the public API. */
public final class BbpushVersion {
    private BbpushVersion() {}

    /** E.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when the resource is missing (running from unfiltered sources). */
    public static String get() {
        try (InputStream in = BbpushVersion.class.getResourceAsStream("/dev/bbpush/client/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
