package dev.bbpush.client.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * bbpush's config file: {@code $XDG_CONFIG_HOME/bbpush/config}, else {@code ~/.config/bbpush/config}.
 *
 * <p>Format: one {@code key = value} per line; blank lines and lines starting with {@code #} are ignored; keys are the
 * {@link Setting#configKey()} names ({@code email}, {@code api_token}, {@code access_token}, {@code oauth_client_id},
 * {@code oauth_client_secret}, {@code api_url}, {@code oauth_token_url}). Values may be quoted.
 *
 * <pre>
 * # ~/.config/bbpush/config  (chmod 600)
 * email = rahul@acme.example
 * api_token = ATATT3x...
 * </pre>
 */
final class ConfigFile {
    private static final Pattern PLAIN_KEY = Pattern.compile("[a-z_]{1,40}");

    private final Path path;

    public ConfigFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * The config file location for an environment, or empty when neither {@code XDG_CONFIG_HOME} nor a home directory is
     * known.
     */
    public static Optional<ConfigFile> locate(Environment env) {
        Optional<Path> xdg = env.get("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute);
        Optional<Path> dir = xdg.or(() -> env.homeDirectory().map(h -> h.resolve(".config")));
        return dir.map(d -> new ConfigFile(d.resolve("bbpush").resolve("config")));
    }

    public Path path() {
        return path;
    }

    /**
     * The parsed file.
     *
     * @param exists whether the file exists
     * @param values key → raw value
     * @param readableByOthers the permission problem (e.g. {@code rw-r--r--}) when group or others may read the file
     * @param notes things worth telling (ignored lines, unknown keys, permissions not checkable)
     * @param error why the file could not be read, if it could not
     */
    public record Contents(
            boolean exists,
            Map<String, String> values,
            Optional<String> readableByOthers,
            List<String> notes,
            Optional<String> error) {
        @Override
        public String toString() {
            return "ConfigFile.Contents[exists=" + exists + ", keys=" + values.keySet() + ", readableByOthers="
                    + readableByOthers + ", notes=" + notes + ", error=" + error + "]";
        }
    }

    /** Reads and parses the file; never throws. */
    public Contents read() {
        List<String> notes = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Contents(false, Map.of(), Optional.empty(), List.of(), Optional.empty());
        } catch (IOException e) {
            return new Contents(
                    true,
                    Map.of(),
                    Optional.empty(),
                    List.of(),
                    Optional.of("cannot read " + path + ": " + e.getClass().getSimpleName()));
        }
        Optional<String> exposed = Optional.empty();
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                exposed = Optional.of(PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException e) {
            notes.add("permissions of " + path + " not checked: the file system is not POSIX");
        } catch (IOException e) {
            notes.add("permissions of " + path + " not checked: " + e.getClass().getSimpleName());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (Setting s : Setting.values()) {
            s.configKey().ifPresent(known::add);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                notes.add(path + " line " + (i + 1) + " ignored: expected 'key = value'");
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!known.contains(key)) {
                // A stray line such as "api_token: ATATT…=XXXX" has most of a secret before its first '=': echo the key
                // only when it looks like a key, never arbitrary text (notes reach auth status and toString()).
                notes.add(path + " line " + (i + 1) + ": unknown key"
                        + (PLAIN_KEY.matcher(key).matches()
                                ? " '" + key + "'"
                                : " (not shown: not a plain lowercase key)")
                        + " ignored (known: " + known + ")");
                continue;
            }
            values.put(key, line.substring(eq + 1));
        }
        return new Contents(true, Map.copyOf(values), exposed, List.copyOf(notes), Optional.empty());
    }

    @Override
    public String toString() {
        return "ConfigFile[" + path + "]";
    }
}
