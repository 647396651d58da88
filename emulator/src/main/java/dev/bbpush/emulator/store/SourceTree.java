package dev.bbpush.emulator.store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Read access to one commit's tree for {@code GET …/src/{commit}/{path}}: look up a path, and list a
 * directory breadth-first to a depth (bitbucket-cloud-rest.md §3.1).
 */
public final class SourceTree {
    private final Repository db;
    private final RevTree root;

    public SourceTree(Repository db, RevTree root) {
        this.db = db;
        this.root = root;
    }

    /** One tree entry: its full path from the repository root, mode and object. */
    public record Item(String path, FileMode mode, ObjectId id) {
        public boolean isDirectory() {
            return mode == FileMode.TREE;
        }
    }

    /** The listing would visit more entries than the budget allows (Bitbucket answers 555 when a listing times out). */
    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        public TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /** The entry at {@code path} ({@code ""} is the root directory), or empty when there is none. */
    public Optional<Item> lookup(String path) throws IOException {
        if (path.isEmpty()) {
            return Optional.of(new Item("", FileMode.TREE, root));
        }
        try (TreeWalk tw = TreeWalk.forPath(db, path, root)) {
            if (tw == null) {
                return Optional.empty();
            }
            return Optional.of(new Item(path, tw.getFileMode(0), tw.getObjectId(0)));
        }
    }

    /**
     * The entries under directory {@code dir}, breadth-first: first its direct children (directories
     * before files, each group in Git's name order), then the children of each of those directories in
     * the same order, down to {@code maxDepth} levels.
     *
     * @param maxDepth 1 for the direct children only
     * @param budget the most entries the walk may visit
     * @throws TooLarge when the walk would visit more than {@code budget} entries
     */
    public List<Item> list(Item dir, int maxDepth, int budget) throws IOException, TooLarge {
        List<Item> out = new ArrayList<>();
        Deque<Item> level = new ArrayDeque<>();
        level.add(dir);
        int visited = 0;
        for (int depth = 1; depth <= maxDepth && !level.isEmpty(); depth++) {
            Deque<Item> next = new ArrayDeque<>();
            for (Item d : level) {
                List<Item> dirs = new ArrayList<>();
                List<Item> files = new ArrayList<>();
                try (TreeWalk tw = new TreeWalk(db)) {
                    tw.addTree(d.id());
                    tw.setRecursive(false);
                    while (tw.next()) {
                        if (++visited > budget) {
                            throw new TooLarge("listing " + (dir.path().isEmpty() ? "/" : dir.path()) + " to depth "
                                    + maxDepth + " visits more than " + budget + " entries");
                        }
                        String p = d.path().isEmpty() ? tw.getPathString() : d.path() + "/" + tw.getPathString();
                        Item it = new Item(p, tw.getFileMode(0), tw.getObjectId(0));
                        (it.isDirectory() ? dirs : files).add(it);
                    }
                }
                out.addAll(dirs);
                out.addAll(files);
                next.addAll(dirs);
            }
            level = next;
        }
        return out;
    }
}
