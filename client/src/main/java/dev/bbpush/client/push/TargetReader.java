package dev.bbpush.client.push;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.GitCredentials;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves the target branch, its head (or the base's head for a new branch) and the remote tree, with Git smart
 * HTTP ({@link GitTreeReader}) or the REST API ({@link RestTreeReader}) per {@link PlanSource}.
 */
final class TargetReader {
    private final BitbucketClient client;
    private final PushRequest request;
    private final RestCalls rest;
    private final AtomicInteger gitRequests;
    private final int gitTimeoutSeconds;

    TargetReader(
            BitbucketClient client,
            PushRequest request,
            RestCalls rest,
            AtomicInteger gitRequests,
            int gitTimeoutSeconds) {
        this.client = client;
        this.request = request;
        this.rest = rest;
        this.gitRequests = gitRequests;
        this.gitTimeoutSeconds = gitTimeoutSeconds;
    }

    Target read(String mirrorPrefix) {
        String label = request.branch().orElse("(main branch)");
        if (request.planSource() != PlanSource.REST) {
            request.listener().onEvent(new PushEvent.Planning(label, PlanSource.GIT));
            try {
                return viaGit(mirrorPrefix);
            } catch (IOException | IllegalStateException e) {
                if (request.planSource() == PlanSource.GIT) {
                    throw new PushRefusedException("Git smart HTTP is unavailable (" + e.getMessage()
                            + "). Check the Git URL (" + gitUrl()
                            + ") and that the credential may read the repository over Git, or plan over REST.");
                }
                request.listener().onEvent(new PushEvent.PlanFallback(String.valueOf(e.getMessage())));
            }
        }
        request.listener().onEvent(new PushEvent.Planning(label, PlanSource.REST));
        return viaRest(mirrorPrefix);
    }

    URI gitUrl() {
        return request.gitUrl().orElseGet(() -> WebUrls.gitUrl(client.apiUrl(), request.workspace(), request.repo()));
    }

    private Target viaGit(String mirrorPrefix) throws IOException {
        GitCredentials credentials = client.gitCredentials();
        GitTreeReader reader = new GitTreeReader(gitUrl(), credentials, gitTimeoutSeconds, gitRequests);
        List<Target> chosen = new ArrayList<>(1);
        GitTreeReader.Snapshot s = reader.snapshot(
                ad -> {
                    Target t = decide(ad.branches(), ad.mainBranch());
                    chosen.add(t);
                    return Optional.ofNullable(t.tree().head());
                },
                GitTreeReader.scope(request.changes().paths(), mirrorPrefix));
        Target t = chosen.get(0);
        return new Target(t.branch(), t.baseBranch(), t.newBranch(), t.knownMain(), s.tree());
    }

    /** The decision from an advertisement; the returned tree is empty but carries the head to fetch. */
    private Target decide(Map<String, String> branches, Optional<String> advertisedMain) {
        Optional<String> main = advertisedMain;
        String branch;
        if (request.branch().isPresent()) {
            branch = request.branch().get();
        } else {
            main = main.or(rest::mainBranch);
            branch = main.orElseThrow(() -> noMain());
        }
        if (branches.containsKey(branch)) {
            return target(branch, branch, false, main, branches.get(branch), PlanSource.GIT);
        }
        if (branches.isEmpty()) {
            return target(branch, branch, true, main, null, PlanSource.GIT); // empty repository: a root commit
        }
        String base;
        if (request.base().isPresent()) {
            base = request.base().get();
        } else {
            main = main.or(rest::mainBranch);
            base = main.orElseThrow(() -> noMain());
        }
        if (!branches.containsKey(base)) {
            throw missingBase(base);
        }
        return target(branch, base, true, main, branches.get(base), PlanSource.GIT);
    }

    private Target viaRest(String mirrorPrefix) {
        Optional<String> main = Optional.empty();
        String branch;
        if (request.branch().isPresent()) {
            branch = request.branch().get();
        } else {
            main = rest.mainBranch();
            branch = main.orElseThrow(() -> noMain());
        }
        Optional<String> head = rest.branchHead(branch);
        String base = branch;
        boolean newBranch = head.isEmpty();
        if (newBranch) {
            if (request.base().isPresent()) {
                base = request.base().get();
            } else {
                if (main.isEmpty()) {
                    main = rest.mainBranch();
                }
                base = main.orElseThrow(() -> noMain());
            }
            if (!base.equals(branch)) {
                head = rest.branchHead(base);
                boolean baseIsMain = main.map(base::equals).orElse(false);
                if (head.isEmpty() && !baseIsMain) {
                    throw missingBase(base);
                }
            }
            // A missing main branch: treated as an empty repository (root commit).
        }
        RemoteTree tree = head.isEmpty()
                ? RemoteTree.empty(PlanSource.REST)
                : new RestTreeReader(rest).read(head.get(), request.changes().paths(), mirrorPrefix);
        return new Target(branch, base, newBranch, main, tree);
    }

    private static Target target(
            String branch, String base, boolean newBranch, Optional<String> main, String head, PlanSource source) {
        RemoteTree tree = head == null ? RemoteTree.empty(source) : RemoteTree.of(head, Map.of(), source);
        return new Target(branch, base, newBranch, main, tree);
    }

    private static PushRefusedException noMain() {
        return new PushRefusedException(
                "The repository reports no main branch. Name the branch to push to (--branch).");
    }

    private static PushRefusedException missingBase(String base) {
        return new PushRefusedException("The base branch '" + base + "' does not exist, so the new branch cannot start"
                + " from it. Pass an existing branch as --base (default: the main branch).");
    }
}
