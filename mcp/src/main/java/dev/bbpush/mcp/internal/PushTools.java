package dev.bbpush.mcp.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.Repository;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.ChangeSetBuilder;
import dev.bbpush.client.changes.FileMode;
import dev.bbpush.client.diagnose.Operation;
import dev.bbpush.client.diagnose.RepositoryRef;
import dev.bbpush.client.json.PushResultJson;
import dev.bbpush.client.push.PullRequestSpec;
import dev.bbpush.client.push.PushRequest;
import dev.bbpush.client.push.Pusher;
import dev.bbpush.mcp.McpServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code push_files}, {@code push_directory} and {@code plan}: the arguments map onto {@link ChangeSet#builder()} and
 * {@link PushRequest} exactly as {@code bbpush push}'s options do, and {@link Pusher} does the rest (safety checks,
 * plan, exactly-once commit, pull request reuse). The write policy is checked before anything is read or sent.
 */
final class PushTools {
    static final Set<String> FILE_KEYS = Set.of("path", "text", "base64", "executable");
    static final Set<String> PULL_REQUEST_KEYS = Set.of("title", "description");

    private final Connection connection;
    private final WritePolicy policy;
    private final McpServerSettings settings;

    PushTools(Connection connection, WritePolicy policy, McpServerSettings settings) {
        this.connection = connection;
        this.policy = policy;
        this.settings = settings;
    }

    /** The push's target and options, common to every push tool. */
    private record Target(
            RepositoryRef repository,
            Optional<String> branch,
            Optional<String> base,
            Optional<String> message,
            Optional<PullRequestSpec> pullRequest,
            boolean dryRun) {}

    ObjectNode pushFiles(Arguments a, Call call) {
        Target t = target(a, call, true, a.bool("dryRun", false));
        List<Arguments> files = a.objects("files", FILE_KEYS);
        List<String> deletions = a.strings("deletions");
        if (files.isEmpty() && deletions.isEmpty()) {
            throw a.invalid(
                    "nothing to push: 'files' and 'deletions' are both empty",
                    "Pass \"files\": [{\"path\": \"main.tf\", \"text\": \"...\"}] and/or \"deletions\": [\"old.tf\"].");
        }
        return push(checkWrite("push_files", t), inline(files, deletions), Optional.empty(), call);
    }

    ObjectNode pushDirectory(Arguments a, Call call) {
        Target t = target(a, call, true, a.bool("dryRun", false));
        Target checked = checkWrite("push_directory", t);
        return push(checked, directory(a), mirrorPrefix(a), call);
    }

    ObjectNode plan(Arguments a, Call call) {
        Target t = target(a, call, false, true);
        if (a.has("directory")) {
            return push(t, directory(a), mirrorPrefix(a), call);
        }
        List<Arguments> files = a.objects("files", FILE_KEYS);
        List<String> deletions = a.strings("deletions");
        if (files.isEmpty() && deletions.isEmpty()) {
            throw a.invalid(
                    "nothing to plan: give inline 'files'/'deletions' or a local 'directory'",
                    "Pass \"files\": [{\"path\": \"main.tf\", \"text\": \"...\"}], \"deletions\": [...], or \"directory\": "
                            + "\"infra\".");
        }
        return push(t, inline(files, deletions), Optional.empty(), call);
    }

    private Target target(Arguments a, Call call, boolean writes, boolean dryRun) {
        RepositoryRef repo = Tools.repository(a);
        Optional<PullRequestSpec> pr = writes
                ? a.object("pullRequest", PULL_REQUEST_KEYS).map(p -> {
                    PullRequestSpec spec =
                            PullRequestSpec.titled(p.requiredString("title", "\"Update the network module\""));
                    return p.rawString("description").map(spec::description).orElse(spec);
                })
                : Optional.empty();
        call.about(
                repo, pr.isPresent() ? EnumSet.of(Operation.PUSH, Operation.PULL_REQUEST) : EnumSet.of(Operation.PUSH));
        return new Target(
                repo,
                a.optionalString("branch"),
                a.optionalString("base"),
                writes ? Optional.of(a.requiredString("message", "\"Update the network module\"")) : Optional.empty(),
                pr,
                dryRun);
    }

    /**
     * The allow-list, before anything is read: the branch, or the main branch when a grant limits branches. Returns the
     * target to push: when the main branch had to be read for the check, with that branch named, so the push writes
     * the branch that was checked even if the repository's main branch changes meanwhile.
     */
    private Target checkWrite(String tool, Target t) {
        policy.checkRepository(tool, t.repository());
        if (t.branch().isPresent()) {
            policy.checkBranch(tool, t.repository(), t.branch().get());
            return t;
        }
        if (!policy.limitsBranches(t.repository())) {
            return t;
        }
        Repository r = connection
                .session()
                .client()
                .repository(t.repository().workspace(), t.repository().slug());
        String main = r.mainBranch().orElse("main");
        policy.checkBranch(tool, t.repository(), main);
        return new Target(t.repository(), Optional.of(main), t.base(), t.message(), t.pullRequest(), t.dryRun());
    }

    private ChangeSet inline(List<Arguments> files, List<String> deletions) {
        ChangeSetBuilder b = ChangeSet.builder();
        for (Arguments f : files) {
            String path = f.requiredString("path", "\"live/network/main.tf\"");
            Optional<String> text = f.rawString("text");
            Optional<String> base64 = f.rawString("base64");
            if (text.isPresent() == base64.isPresent()) {
                throw f.invalid(
                        "'" + f.where("path") + "' needs exactly one of 'text' and 'base64'",
                        "Give the content as \"text\" (UTF-8) or as \"base64\" (bytes), not both.");
            }
            byte[] bytes;
            if (text.isPresent()) {
                bytes = text.get().getBytes(StandardCharsets.UTF_8);
            } else {
                try {
                    bytes = Base64.getDecoder().decode(base64.get().strip());
                } catch (IllegalArgumentException e) {
                    throw f.invalid(
                            "'" + f.where("base64") + "' is not valid base64 (" + e.getMessage() + ")",
                            "Encode the bytes with standard base64 (RFC 4648, '+' and '/', padded), or pass \"text\".");
                }
            }
            b.addBytes(path, bytes, f.bool("executable", false) ? FileMode.EXECUTABLE : FileMode.REGULAR);
        }
        deletions.forEach(b::delete);
        return build(b);
    }

    /**
     * A local directory's contents under {@code to}, walked like {@code bbpush push DIR --to PREFIX}. Only below the
     * server's roots ({@code --root}): a relative {@code directory} starts at the first root, and the real path (symlinks
     * resolved) must stay below a root, so neither {@code ..} nor a symlink leads out.
     */
    private ChangeSet directory(Arguments a) {
        String given = a.requiredString("directory", "\"infra/live\"");
        policy.checkAnyRoot();
        Path root = settings.roots().get(0);
        Path real;
        try {
            Path lexical = root.resolve(given).normalize();
            if (!Files.exists(lexical)) {
                policy.checkDirectory(lexical); // outside: refused without saying whether it exists
                throw new ToolFailure(
                        ToolCause.INVALID_INPUT,
                        "The directory '" + given + "' does not exist on the "
                                + "server's machine (relative paths start at the server's first root, " + root + ").",
                        "Pass an existing directory below " + root
                                + " in \"directory\" (list it with a relative path).");
            }
            real = lexical.toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw new ToolFailure(
                    ToolCause.INVALID_INPUT,
                    "The directory '" + given + "' cannot be read: " + e.getMessage() + ".",
                    "Pass a readable local directory below " + root + " in \"directory\".");
        }
        policy.checkDirectory(real);
        if (!Files.isDirectory(real)) {
            throw new ToolFailure(
                    ToolCause.INVALID_INPUT,
                    "'" + given + "' is not a directory.",
                    "Pass a directory in \"directory\" (push single files with push_files).");
        }
        ChangeSetBuilder b = ChangeSet.builder().to(prefix(a));
        a.strings("include").forEach(b::include);
        a.strings("exclude").forEach(b::exclude);
        b.addPath(real);
        return build(b);
    }

    private static Optional<String> mirrorPrefix(Arguments a) {
        return a.bool("delete", false) ? Optional.of(prefix(a)) : Optional.empty();
    }

    /** {@code to}; {@code .} and {@code ./} name the root, like the default (as {@code --to}). */
    private static String prefix(Arguments a) {
        String to = a.optionalString("to").orElse("");
        return to.equals(".") || to.equals("./") ? "" : to;
    }

    private static ChangeSet build(ChangeSetBuilder b) {
        try {
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the files to push: " + e.getMessage(), e);
        }
    }

    private ObjectNode push(Target t, ChangeSet changes, Optional<String> mirror, Call call) {
        try (ChangeSet cs = changes) {
            PushRequest.Builder r = PushRequest.builder()
                    .repository(t.repository().workspace(), t.repository().slug())
                    .changes(cs)
                    .dryRun(t.dryRun())
                    .safetyOverrides(settings.safetyOverrides())
                    .conflictTimeout(settings.conflictTimeout())
                    .listener(call::onPushEvent);
            t.branch().ifPresent(r::branch);
            t.base().ifPresent(r::base);
            t.message().ifPresent(r::message);
            t.pullRequest().ifPresent(r::pullRequest);
            mirror.ifPresent(r::mirror);
            PushRequest request = r.build();
            return PushResultJson.of(connection.session().client().push(request));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up the pushed files: " + e.getMessage(), e);
        }
    }
}
