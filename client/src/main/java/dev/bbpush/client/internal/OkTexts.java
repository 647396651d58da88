package dev.bbpush.client.internal;

import java.util.List;

/**
 * The auth doctor's texts once every check passed (reference: bitbucket-cloud-auth.md §2): the credential works, or
 * works only after bbpush repaired paste damage in it (quotes, spaces, line breaks around the value), and the labels of
 * what it was checked for.
 *
 * <p>Internal: not part of the public API.
 */
public final class OkTexts {
    private OkTexts() {}

    /** What the credential does when no repository was checked. */
    public static final String AUTHENTICATES = "authenticates";

    /** The operation label for reading a repository. */
    public static final String READ = "read";

    /** The operation label for pushing. */
    public static final String PUSH = "push";

    /** The operation label for creating pull requests. */
    public static final String CREATE_PULL_REQUESTS = "create pull requests";

    /** What the credential can do on the repository checked; {@code operations} from {@link #operations}. */
    public static String canOn(String operations, String repository) {
        return "can " + operations + " on " + repository;
    }

    /** The operation labels the credential was checked for, joined. */
    public static String operations(List<String> labels) {
        return String.join(" and ", labels);
    }

    /** The credential works, but only after bbpush repaired paste damage; {@code what} it does. */
    @RefusalTexts.ForCause("secret-paste-damage")
    public static String pasteDamageRepaired(String what, List<String> names, List<String> damage) {
        return "The credential " + what + ", but only after bbpush repaired paste damage in " + String.join(", ", names)
                + " (" + String.join("; ", damage) + "). Other "
                + "tools will send the damaged value and fail.";
    }

    /** The fix for repaired paste damage, given one line per damaged value. */
    @RefusalTexts.ForCause("secret-paste-damage")
    public static String pasteDamageRepairedFix(List<String> lines) {
        return "Store the value again without quotes, spaces or line breaks, e.g.:\n" + String.join("\n", lines);
    }

    /** The fix line for a damaged environment variable. */
    @RefusalTexts.ForCause("secret-paste-damage")
    public static String pasteDamageExportAgain(String name) {
        return "export " + name + "=\"$(printf '%s' \"$" + name
                + "\" | tr -d '\\r\\n\"' | xargs)\"   # or set it again from the source without quotes";
    }

    /** The fix line for a damaged value in a file. */
    @RefusalTexts.ForCause("secret-paste-damage")
    public static String pasteDamageEdit(String name) {
        return "Edit " + name + ": remove the quotes, spaces and line breaks around the value";
    }

    /** The credential works; no repository was checked although a push was asked about. */
    public static String worksPassRepo(String what, String kind) {
        return "The credential " + what + " (" + kind + "). Pass "
                + "--repo WORKSPACE/REPO to check a repository's permission too.";
    }

    /** The credential works for everything asked. */
    public static String works(String what) {
        return "The credential " + what + ".";
    }
}
