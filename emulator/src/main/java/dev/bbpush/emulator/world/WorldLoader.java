package dev.bbpush.emulator.world;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads a {@link World} from a YAML or JSON world file, or by built-in name. The format is documented
 * in the README ("World files"); {@code demo.yaml} in this package's resources is the reference
 * example.
 *
 * <p>Unknown fields are errors, so a typo in a world file fails loudly instead of silently building a
 * different world.
 */
public final class WorldLoader {
    private static final List<String> BUILT_IN = List.of("demo");

    private WorldLoader() {}

    /** Names accepted by {@link #builtIn(String)}. */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /**
     * Loads a built-in world.
     *
     * @throws IllegalArgumentException if there is no built-in world of that name
     */
    public static World builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("No built-in world named '" + name + "'. Built-in worlds: " + BUILT_IN
                    + "; or pass a world file path.");
        }
        try (InputStream in = WorldLoader.class.getResourceAsStream("/dev/bbpush/emulator/worlds/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in world resource missing: " + name);
            }
            return parse(new YAMLMapper(), in.readAllBytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code demo} and the other built-in names, or else a YAML/JSON file at that path. */
    public static World load(String nameOrPath) {
        if (BUILT_IN.contains(nameOrPath)) {
            return builtIn(nameOrPath);
        }
        return fromFile(Path.of(nameOrPath));
    }

    /**
     * Loads a world file. {@code .json} files are read as JSON, anything else as YAML.
     *
     * @throws WorldFileException if the file cannot be read or is not a valid world
     */
    public static World fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WorldFileException("Cannot read world file " + file + ": " + e.getMessage(), e);
        }
        String fileName = file.getFileName().toString();
        ObjectMapper mapper = fileName.endsWith(".json") ? new JsonMapper() : new YAMLMapper();
        String worldName = fileName.replaceFirst("\\.(ya?ml|json)$", "");
        return parse(mapper, bytes, worldName);
    }

    static World parse(ObjectMapper mapper, byte[] bytes, String defaultName) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        WorldFile spec;
        try {
            spec = mapper.readValue(bytes, WorldFile.class);
        } catch (JsonProcessingException e) {
            throw new WorldFileException("Invalid world file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WorldFileException("Invalid world file: " + e.getMessage(), e);
        }
        if (spec == null) {
            throw new WorldFileException("Invalid world file: it is empty", null);
        }
        return build(spec, spec.name != null ? spec.name : defaultName);
    }

    private static World build(WorldFile spec, String name) {
        WorldSettings settings = settings(spec.settings);
        List<Account> accounts = new ArrayList<>();
        for (AccountSpec a : spec.accounts) {
            require(a.username, "accounts[].username");
            accounts.add(new Account(
                    a.username,
                    a.displayName != null ? a.displayName : a.username,
                    a.email != null ? a.email : a.username + "@example.com",
                    a.uuid != null ? a.uuid : Secrets.uuid(name, "account", a.username),
                    a.accountId != null ? a.accountId : Secrets.accountId(name, a.username),
                    a.twoStepVerification,
                    a.password != null
                            ? a.password
                            : Secrets.secretFor(name, a.username, CredentialKind.ACCOUNT_PASSWORD)));
        }
        Set<String> usernames = new LinkedHashSet<>();
        accounts.forEach(a -> usernames.add(a.username()));

        List<Workspace> workspaces = new ArrayList<>();
        List<Project> projects = new ArrayList<>();
        List<Repo> repos = new ArrayList<>();
        for (WorkspaceSpec w : spec.workspaces) {
            require(w.slug, "workspaces[].slug");
            Set<String> members = new LinkedHashSet<>(w.members);
            members.addAll(w.admins);
            for (String m : members) {
                if (!usernames.contains(m)) {
                    throw new WorldFileException("Workspace '" + w.slug + "' names unknown member '" + m + "'", null);
                }
            }
            PoliciesSpec p = w.policies != null ? w.policies : new PoliciesSpec();
            workspaces.add(new Workspace(
                    w.slug,
                    w.name != null ? w.name : w.slug,
                    w.uuid != null ? w.uuid : Secrets.uuid(name, "workspace", w.slug),
                    w.plan != null ? w.plan.toLowerCase(Locale.ROOT) : "free",
                    members,
                    Set.copyOf(w.admins),
                    p.ipAllowlist,
                    p.requireTwoStepVerification));
            for (ProjectSpec ps : w.projects) {
                require(ps.key, "projects[].key");
                projects.add(new Project(
                        w.slug,
                        ps.key,
                        ps.name != null ? ps.name : ps.key,
                        Secrets.uuid(name, "project", w.slug + "/" + ps.key)));
                for (RepoSpec r : ps.repositories) {
                    require(r.slug, "repositories[].slug");
                    Map<String, Permission> perms = new LinkedHashMap<>();
                    r.permissions.forEach((user, perm) -> {
                        if (!usernames.contains(user)) {
                            throw new WorldFileException(
                                    "Repository '" + w.slug + "/" + r.slug
                                            + "' grants a permission to unknown account '" + user + "'",
                                    null);
                        }
                        perms.put(user, Permission.parse(perm));
                    });
                    repos.add(new Repo(
                            w.slug,
                            r.slug,
                            r.name != null ? r.name : r.slug,
                            r.uuid != null ? r.uuid : Secrets.uuid(name, "repository", w.slug + "/" + r.slug),
                            ps.key,
                            r.isPrivate,
                            r.mainBranch != null ? r.mainBranch : "main",
                            perms,
                            r.files,
                            Set.copyOf(r.executables)));
                }
            }
        }

        List<Credential> credentials = new ArrayList<>();
        for (CredentialSpec c : spec.credentials) {
            require(c.name, "credentials[].name");
            require(c.kind, "credentials[" + c.name + "].kind");
            CredentialKind kind;
            try {
                kind = CredentialKind.parse(c.kind);
            } catch (IllegalArgumentException e) {
                throw new WorldFileException("Credential '" + c.name + "' has unknown kind '" + c.kind + "'", e);
            }
            if (c.owner != null && !usernames.contains(c.owner)) {
                throw new WorldFileException("Credential '" + c.name + "' names unknown owner '" + c.owner + "'", null);
            }
            String secret = c.secret != null ? c.secret : Secrets.secretFor(name, c.name, kind);
            if (kind == CredentialKind.ACCOUNT_PASSWORD && c.owner != null && c.secret == null) {
                // The account password credential is the account's own login password.
                secret = accounts.stream()
                        .filter(a -> a.username().equals(c.owner))
                        .findFirst()
                        .orElseThrow()
                        .password();
            }
            credentials.add(new Credential(
                    c.name,
                    kind,
                    c.owner,
                    c.resource,
                    secret,
                    kind == CredentialKind.OAUTH_CONSUMER
                            ? (c.key != null ? c.key : Secrets.consumerKey(name, c.name))
                            : null,
                    c.scopes,
                    parseExpiry(c.expires, c.name),
                    c.revoked,
                    c.privateConsumer,
                    c.callbackUrl));
        }
        return new World(name, settings, accounts, workspaces, projects, repos, credentials);
    }

    private static WorldSettings settings(SettingsSpec s) {
        WorldSettings d = WorldSettings.defaults();
        if (s == null) {
            return d;
        }
        WorldSettings.RateLimits rl = d.rateLimits();
        if (s.rateLimits != null) {
            rl = new WorldSettings.RateLimits(
                    s.rateLimits.getOrDefault("repositoryData", rl.repositoryData()),
                    s.rateLimits.getOrDefault("rawFiles", rl.rawFiles()),
                    s.rateLimits.getOrDefault("git", rl.git()),
                    s.rateLimits.getOrDefault("anonymous", rl.anonymous()));
        }
        return new WorldSettings(
                s.appPasswords != null
                        ? WorldSettings.AppPasswordState.valueOf(s.appPasswords.toUpperCase(Locale.ROOT))
                        : d.appPasswords(),
                s.crossWorkspaceEndpointsGone != null ? s.crossWorkspaceEndpointsGone : d.crossWorkspaceEndpointsGone(),
                rl,
                s.oauthAccessTokenLifetimeSeconds != null
                        ? Duration.ofSeconds(s.oauthAccessTokenLifetimeSeconds)
                        : d.oauthAccessTokenLifetime(),
                s.now != null ? Instant.parse(s.now) : null);
    }

    private static Instant parseExpiry(String s, String credentialName) {
        if (s == null || s.isBlank() || s.equals("never")) {
            return null;
        }
        try {
            if (s.length() == 10) {
                // A date means "expires at the end of that day" (UTC), as Atlassian's token UI shows dates.
                return LocalDate.parse(s)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw new WorldFileException(
                    "Credential '" + credentialName + "' has an invalid expires '" + s
                            + "' (use YYYY-MM-DD or an ISO instant)",
                    e);
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new WorldFileException("World file is missing required field " + field, null);
        }
    }

    /** A world file that cannot be read or is invalid. The message names the field at fault. */
    public static final class WorldFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public WorldFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ---- file format (field names are the documented world-file keys) ----

    static final class WorldFile {
        public String name;
        public SettingsSpec settings;
        public List<AccountSpec> accounts = List.of();
        public List<WorkspaceSpec> workspaces = List.of();
        public List<CredentialSpec> credentials = List.of();
    }

    static final class SettingsSpec {
        public String appPasswords;
        public Boolean crossWorkspaceEndpointsGone;
        public Map<String, Integer> rateLimits;
        public Long oauthAccessTokenLifetimeSeconds;
        public String now;
    }

    static final class AccountSpec {
        public String username;
        public String displayName;
        public String email;
        public String uuid;
        public String accountId;
        public boolean twoStepVerification;
        public String password;
    }

    static final class WorkspaceSpec {
        public String slug;
        public String name;
        public String uuid;
        public String plan;
        public List<String> members = List.of();
        public List<String> admins = List.of();
        public PoliciesSpec policies;
        public List<ProjectSpec> projects = List.of();
    }

    static final class PoliciesSpec {
        public List<String> ipAllowlist = List.of();
        public boolean requireTwoStepVerification;
    }

    static final class ProjectSpec {
        public String key;
        public String name;
        public List<RepoSpec> repositories = List.of();
    }

    static final class RepoSpec {
        public String slug;
        public String name;
        public String uuid;

        @JsonProperty("private")
        public boolean isPrivate = true;

        public String mainBranch;
        public Map<String, String> permissions = Map.of();
        public Map<String, String> files = Map.of();
        public List<String> executables = List.of();
    }

    static final class CredentialSpec {
        public String name;
        public String kind;
        public String owner;
        public String resource;
        public String secret;
        public String key;
        public List<String> scopes = List.of();
        public String expires;
        public boolean revoked;
        public boolean privateConsumer;
        public String callbackUrl;
    }
}
