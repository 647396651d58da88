package dev.bbpush.mcp.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.diagnose.RepositoryRef;
import dev.bbpush.mcp.McpServerSettings;
import dev.bbpush.mcp.WriteGrant;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the server may write, decided before any request: {@code --read-only} refuses every write; otherwise a push
 * needs a {@link WriteGrant} covering the repository and the branch. Refusals name the exact flag to add. Reading
 * (read tools, {@code plan}) is never restricted here: Bitbucket's own permissions apply.
 */
final class WritePolicy {
    private final McpServerSettings settings;

    WritePolicy(McpServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Refuses a write to {@code repo} before the branch is known: read-only mode, or no grant for the repository.
     *
     * @throws ToolFailure {@link ToolCause#READ_ONLY} or {@link ToolCause#REPOSITORY_NOT_WRITABLE}
     */
    void checkRepository(String tool, RepositoryRef repo) {
        if (settings.readOnly()) {
            throw new ToolFailure(
                    ToolCause.READ_ONLY,
                    "This MCP server runs with --read-only: " + tool
                            + " writes nothing to Bitbucket. Nothing was sent.",
                    "To let it push, the person who configured the server removes --read-only from its command and restarts "
                            + "it (e.g. 'bbpush mcp " + new WriteGrant(repo, Optional.empty()).flag()
                            + "'). To see what would "
                            + "change meanwhile, call plan.");
        }
        if (grants(repo).isEmpty()) {
            throw new ToolFailure(
                    ToolCause.REPOSITORY_NOT_WRITABLE,
                    "This MCP server may not write to " + repo.fullName() + ": it is not on the server's allow-list ("
                            + writableList() + "). Nothing was sent.",
                    "Add " + new WriteGrant(repo, Optional.empty()).flag() + " to the server's command (e.g. \"args\": "
                            + "[\"mcp\", \"--allow-repo\", \"" + repo.fullName()
                            + "\"] in the MCP host's configuration) and "
                            + "restart it. read_file, list_directory and plan work without it.");
        }
    }

    /** Whether some grant for {@code repo} limits the branches (then a push to the main branch needs its name). */
    boolean limitsBranches(RepositoryRef repo) {
        return grants(repo).stream().allMatch(g -> g.branches().isPresent());
    }

    /**
     * Refuses a write to {@code branch} of {@code repo} when no grant permits it.
     *
     * @throws ToolFailure {@link ToolCause#READ_ONLY}, {@link ToolCause#REPOSITORY_NOT_WRITABLE} or {@link
     *     ToolCause#BRANCH_NOT_WRITABLE}
     */
    void checkBranch(String tool, RepositoryRef repo, String branch) {
        checkRepository(tool, repo);
        List<WriteGrant> grants = grants(repo);
        if (grants.stream().anyMatch(g -> g.permits(repo, branch))) {
            return;
        }
        String globs = grants.stream().map(g -> g.branches().orElse("*")).collect(Collectors.joining(", "));
        String example = grants.get(0).branches().orElse("*").replace("*", "update");
        throw new ToolFailure(
                ToolCause.BRANCH_NOT_WRITABLE,
                "This MCP server may write to " + repo.fullName() + " only on branches matching " + globs + ", not '"
                        + branch + "'. Nothing was sent.",
                "Push to a matching branch (e.g. \"branch\": \"" + example + "\", with a pullRequest into '" + branch
                        + "' if it should land there), or add " + new WriteGrant(repo, Optional.of(branch)).flag()
                        + " to the server's command and restart it.");
    }

    /**
     * Refuses every local directory when the server has no root ({@code --root}): by default nothing local is readable.
     *
     * @throws ToolFailure {@link ToolCause#DIRECTORY_NOT_ALLOWED}
     */
    void checkAnyRoot() {
        if (settings.roots().isEmpty()) {
            throw new ToolFailure(
                    ToolCause.DIRECTORY_NOT_ALLOWED,
                    "This MCP server reads no local directories: it was started without --root. Nothing was read.",
                    "Push the files inline with push_files (or plan them inline), or have the person who configured the "
                            + "server add --root DIR (the directory to push, or a parent of it) to its command, e.g. \"args\": "
                            + "[\"mcp\", \"--root\", \"/home/me/infra\"] in the MCP host's configuration, and restart it.");
        }
    }

    /**
     * Refuses a local directory outside the server's roots ({@code --root}).
     *
     * @throws ToolFailure {@link ToolCause#DIRECTORY_NOT_ALLOWED}
     */
    void checkDirectory(Path realDirectory) {
        checkAnyRoot();
        for (Path root : settings.roots()) {
            if (realDirectory.startsWith(root)) {
                return;
            }
        }
        throw new ToolFailure(
                ToolCause.DIRECTORY_NOT_ALLOWED,
                "This MCP server may read local directories only below "
                        + settings.roots().stream().map(Path::toString).collect(Collectors.joining(", ")) + "; '"
                        + realDirectory + "' is outside. Nothing was read.",
                "Push a directory below the server's root, or add --root '" + realDirectory + "' (or a parent) to the "
                        + "server's command and restart it.");
    }

    /** Whether the server would push to {@code repo} (some branch of it) at all. */
    boolean writable(RepositoryRef repo) {
        return !settings.readOnly() && !grants(repo).isEmpty();
    }

    /** {@code {readOnly, writable: ["acme/infra", "acme/live:bbpush/*"], allow: [...], roots: [...]}}. */
    ObjectNode describe() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("readOnly", settings.readOnly());
        ArrayNode writable = o.putArray("writable");
        settings.grants().forEach(g -> writable.add(g.toString()));
        ArrayNode allow = o.putArray("allow");
        settings.allowFlags().forEach(allow::add);
        ArrayNode roots = o.putArray("roots");
        settings.roots().forEach(r -> roots.add(r.toString()));
        return o;
    }

    private List<WriteGrant> grants(RepositoryRef repo) {
        return settings.grants().stream().filter(g -> g.covers(repo)).toList();
    }

    private String writableList() {
        return settings.grants().isEmpty()
                ? "no repository is writable; the server was started without --allow-repo"
                : "writable: "
                        + settings.grants().stream().map(WriteGrant::toString).collect(Collectors.joining(", "));
    }
}
