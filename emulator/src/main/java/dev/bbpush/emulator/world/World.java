package dev.bbpush.emulator.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable description of a Bitbucket Cloud: accounts, workspaces, projects, repositories,
 * permissions and credentials. Load one with {@link WorldLoader}; {@code WorldLoader.builtIn("demo")}
 * gives the demo world.
 */
public final class World {
    private final String name;
    private final WorldSettings settings;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, Repo> repos = new LinkedHashMap<>();
    private final Map<String, Credential> credentials = new LinkedHashMap<>();

    World(
            String name,
            WorldSettings settings,
            List<Account> accounts,
            List<Workspace> workspaces,
            List<Project> projects,
            List<Repo> repos,
            List<Credential> credentials) {
        this.name = name;
        this.settings = settings;
        accounts.forEach(a -> this.accounts.put(a.username(), a));
        workspaces.forEach(w -> this.workspaces.put(w.slug(), w));
        projects.forEach(p -> this.projects.put(p.workspace() + "/" + p.key(), p));
        repos.forEach(r -> this.repos.put(r.fullName(), r));
        credentials.forEach(c -> this.credentials.put(c.name(), c));
    }

    public String name() {
        return name;
    }

    public WorldSettings settings() {
        return settings;
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public List<Workspace> workspaces() {
        return List.copyOf(workspaces.values());
    }

    public List<Project> projects() {
        return List.copyOf(projects.values());
    }

    public List<Repo> repositories() {
        return List.copyOf(repos.values());
    }

    public List<Credential> credentials() {
        return List.copyOf(credentials.values());
    }

    public Optional<Account> account(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    public Optional<Account> accountByEmail(String email) {
        return accounts.values().stream()
                .filter(a -> a.email().equalsIgnoreCase(email))
                .findFirst();
    }

    public Optional<Account> accountByUuid(String uuid) {
        return accounts.values().stream()
                .filter(a -> a.uuid().equalsIgnoreCase(uuid))
                .findFirst();
    }

    public Optional<Workspace> workspace(String slug) {
        return Optional.ofNullable(workspaces.get(slug));
    }

    public Optional<Project> project(String workspace, String key) {
        return Optional.ofNullable(projects.get(workspace + "/" + key));
    }

    public Optional<Repo> repository(String workspace, String slug) {
        return Optional.ofNullable(repos.get(workspace + "/" + slug));
    }

    public List<Repo> repositoriesOf(String workspace) {
        return repos.values().stream()
                .filter(r -> r.workspace().equals(workspace))
                .toList();
    }

    public Optional<Credential> credential(String name) {
        return Optional.ofNullable(credentials.get(name));
    }

    /** The credential whose secret is exactly {@code secret}, if any. */
    public Optional<Credential> credentialBySecret(String secret) {
        return credentials.values().stream()
                .filter(c -> c.secret().equals(secret))
                .findFirst();
    }

    /** The OAuth consumer whose key is exactly {@code key}, if any. */
    public Optional<Credential> consumerByKey(String key) {
        return credentials.values().stream()
                .filter(c -> c.kind() == CredentialKind.OAUTH_CONSUMER && key.equals(c.key()))
                .findFirst();
    }

    @Override
    public String toString() {
        return "World[" + name + "]";
    }
}
