package dev.bbpush.client.push;

import dev.bbpush.client.auth.GitCredentials;
import dev.bbpush.client.changes.FileMode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.FilterSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Reads a branch head and its tree over Git smart HTTP into a throw-away {@link InMemoryRepository}: the ref
 * advertisement, then a shallow ({@code depth 1}), blobless ({@code filter blob:none}) fetch of one commit. The
 * transfer is the commit and its trees, never file contents; the number of HTTP requests does not depend on the
 * number of files (see docs/push.md). Only the entries on the pushed paths (and under a mirror prefix) are read out
 * of those trees, so the local work grows with the change, not with the repository.
 */
final class GitTreeReader {
    /** What the advertisement said: every branch head and the branch HEAD points at (the main branch). */
    record Advertisement(Map<String, String> branches, Optional<String> mainBranch) {}

    /** The advertisement and the tree of the commit that was fetched (empty tree when nothing was wanted). */
    record Snapshot(Advertisement advertisement, RemoteTree tree) {}

    private final URI gitUrl;
    private final GitCredentials credentials;
    private final int timeoutSeconds;
    private final AtomicInteger requests;

    GitTreeReader(URI gitUrl, GitCredentials credentials, int timeoutSeconds, AtomicInteger requests) {
        this.gitUrl = gitUrl;
        this.credentials = credentials;
        this.timeoutSeconds = timeoutSeconds;
        this.requests = requests;
    }

    /**
     * Advertises the refs, picks the head with {@code choose} (given the advertisement; empty = fetch nothing) and
     * fetches that commit's tree.
     *
     * @throws IOException (including JGit's {@link TransportException}) when Git is unavailable or refuses
     */
    Snapshot snapshot(Function<Advertisement, Optional<String>> choose, TreeFilter scope) throws IOException {
        try (InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("bbpush-plan"));
                Transport transport = open(repo)) {
            try (FetchConnection conn = transport.openFetch()) {
                Advertisement ad = advertisement(conn.getRefs());
                Optional<String> head = choose.apply(ad);
                if (head.isEmpty()) {
                    return new Snapshot(ad, RemoteTree.empty(PlanSource.GIT));
                }
                ObjectId id = ObjectId.fromString(head.get());
                Ref want = conn.getRefs().stream()
                        .filter(r -> id.equals(r.getObjectId()))
                        .findFirst()
                        .orElseThrow(() -> new IOException("commit " + head.get() + " is not advertised"));
                conn.fetch(NullProgressMonitor.INSTANCE, List.of(want), Set.of());
                return new Snapshot(ad, RemoteTree.of(head.get(), readTree(repo, id, scope), PlanSource.GIT));
            }
        } catch (NotSupportedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Transport open(InMemoryRepository repo) throws IOException {
        Transport t;
        try {
            t = Transport.open(repo, new URIish(gitUrl.toString()));
        } catch (URISyntaxException e) {
            throw new IOException("invalid Git URL " + gitUrl, e);
        }
        if (!(t instanceof TransportHttp http)) {
            t.close();
            throw new IOException("Git URL must be http(s): " + gitUrl);
        }
        http.setHttpConnectionFactory(new CountingConnectionFactory(requests));
        // Send the credential with the first request: saves the anonymous round trip that only earns a 401.
        http.setPreemptiveBasicAuthentication(
                credentials.username(), credentials.password().reveal());
        http.setTimeout(timeoutSeconds);
        http.setDepth(1);
        http.setFilterSpec(FilterSpec.fromFilterLine("blob:none"));
        http.setTagOpt(TagOpt.NO_TAGS);
        return http;
    }

    private static Advertisement advertisement(Collection<Ref> refs) {
        Map<String, String> branches = new HashMap<>();
        Optional<String> main = Optional.empty();
        for (Ref r : refs) {
            if (r.getName().startsWith(Constants.R_HEADS) && r.getObjectId() != null) {
                branches.put(
                        r.getName().substring(Constants.R_HEADS.length()),
                        r.getObjectId().name());
            }
            if (r.getName().equals(Constants.HEAD)
                    && r.isSymbolic()
                    && r.getTarget().getName().startsWith(Constants.R_HEADS)) {
                main = Optional.of(r.getTarget().getName().substring(Constants.R_HEADS.length()));
            }
        }
        return new Advertisement(Map.copyOf(branches), main);
    }

    /**
     * The files a plan needs to look at: {@link TreeFilter#ALL} for the whole tree, or only {@code paths} and what lies
     * below them (a deleted directory), plus everything under {@code mirrorPrefix} when it is not {@code null}.
     */
    static TreeFilter scope(Collection<String> paths, String mirrorPrefix) {
        if (mirrorPrefix != null && mirrorPrefix.isEmpty()) {
            return TreeFilter.ALL; // mirroring the root compares every remote file
        }
        Set<String> scope = new TreeSet<>(paths);
        if (mirrorPrefix != null) {
            scope.add(mirrorPrefix);
        }
        scope.removeIf(String::isEmpty);
        return scope.isEmpty() ? TreeFilter.ALL : PathFilterGroup.createFromStrings(scope);
    }

    private static Map<String, RemoteEntry> readTree(InMemoryRepository repo, ObjectId commit, TreeFilter scope)
            throws IOException {
        Map<String, RemoteEntry> files = new TreeMap<>();
        try (RevWalk rw = new RevWalk(repo);
                TreeWalk tw = new TreeWalk(repo)) {
            RevCommit c = rw.parseCommit(commit);
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            tw.setFilter(scope);
            while (tw.next()) {
                FileMode mode = modeOf(tw.getRawMode(0));
                if (mode != null) {
                    files.put(tw.getPathString(), new RemoteEntry(tw.getPathString(), mode, tw.getObjectId(0), -1));
                }
            }
        }
        return files;
    }

    /** Regular, executable or symlink; {@code null} for submodules (gitlinks), which a push cannot change. */
    static FileMode modeOf(int rawMode) {
        // fqn: our changes.FileMode is imported, this is JGit's
        if (org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE.equals(rawMode)) {
            return FileMode.EXECUTABLE;
        }
        // fqn: our changes.FileMode is imported, this is JGit's
        if (org.eclipse.jgit.lib.FileMode.SYMLINK.equals(rawMode)) {
            return FileMode.SYMLINK;
        }
        // fqn: our changes.FileMode is imported, this is JGit's
        if (org.eclipse.jgit.lib.FileMode.REGULAR_FILE.equals(rawMode)) {
            return FileMode.REGULAR;
        }
        return null;
    }
}
