package dev.bbpush.client.changes;

import java.util.Optional;

/**
 * The three kinds of file Bitbucket's {@code POST /src} can write (reference §2.1): a regular file, an executable
 * file ({@code x-attributes="executable"}) and a symbolic link ({@code x-attributes="link"}, content = target).
 */
public enum FileMode {
    REGULAR("100644", null),
    EXECUTABLE("100755", "executable"),
    SYMLINK("120000", "link");

    private final String gitMode;
    private final String xAttribute;

    FileMode(String gitMode, String xAttribute) {
        this.gitMode = gitMode;
        this.xAttribute = xAttribute;
    }

    /** The octal mode git stores in a tree entry, e.g. {@code 100755}. */
    public String gitMode() {
        return gitMode;
    }

    /** The value of the multipart {@code x-attributes} parameter, empty for a regular file. */
    public Optional<String> xAttribute() {
        return Optional.ofNullable(xAttribute);
    }
}
