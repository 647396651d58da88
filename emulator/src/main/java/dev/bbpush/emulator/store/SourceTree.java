package dev.bbpush.emulator.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Read access to one commit's tree for {@code GET …/src/{commit}/{path}}: look up a path, list a directory
 * breadth-first to a depth (bitbucket-cloud-rest.md §3.1), and read a file's content. Close it when done (it may hold
 * an object reader).
 */
public final class SourceTree implements AutoCloseable {
    /** Git's binary heuristic looks at the first 8,000 bytes, as does this. */
    private static final int SNIFF_BYTES = 8000;

    private final Repository db;
    private final RevTree root;
    private ObjectReader reader;

    SourceTree(Repository db, RevTree root) {
        this.db = db;
        this.root = root;
    }

    /**
     * One tree entry.
     *
     * @param path the full path from the repository root ({@code ""} for the root directory)
     * @param mode Git's file mode bits, normalized as Git writes them: {@code 040000} directory, {@code 100644} file,
     *     {@code 100755} executable file, {@code 120000} symbolic link, {@code 160000} submodule
     * @param id the SHA-1 of the object (for a submodule, the commit it pins in the other repository)
     */
    public record Item(String path, int mode, String id) {
        static Item of(String path, FileMode mode, ObjectId id) {
            return new Item(path, mode.getBits(), id.name());
        }

        public boolean isDirectory() {
            return FileMode.TREE.equals(mode);
        }

        public boolean isExecutable() {
            return FileMode.EXECUTABLE_FILE.equals(mode);
        }

        public boolean isSymlink() {
            return FileMode.SYMLINK.equals(mode);
        }

        public boolean isSubmodule() {
            return FileMode.GITLINK.equals(mode);
        }

        private ObjectId objectId() {
            return ObjectId.fromString(id);
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
            return Optional.of(Item.of("", FileMode.TREE, root));
        }
        try (TreeWalk tw = TreeWalk.forPath(db, path, root)) {
            if (tw == null) {
                return Optional.empty();
            }
            return Optional.of(Item.of(path, tw.getFileMode(0), tw.getObjectId(0)));
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
                    tw.addTree(d.objectId());
                    tw.setRecursive(false);
                    while (tw.next()) {
                        if (++visited > budget) {
                            throw new TooLarge("listing " + (dir.path().isEmpty() ? "/" : dir.path()) + " to depth "
                                    + maxDepth + " visits more than " + budget + " entries");
                        }
                        String p = d.path().isEmpty() ? tw.getPathString() : d.path() + "/" + tw.getPathString();
                        Item it = Item.of(p, tw.getFileMode(0), tw.getObjectId(0));
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

    /** The size in bytes of file {@code item}'s content (for a symbolic link, of its target). */
    public long size(Item item) throws IOException {
        return reader().getObjectSize(item.objectId(), Constants.OBJ_BLOB);
    }

    /** Whether file {@code item} looks binary to Git: a NUL byte in its first 8,000 bytes. */
    public boolean isBinary(Item item) throws IOException {
        try (InputStream in = reader().open(item.objectId(), Constants.OBJ_BLOB).openStream()) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            return RawText.isBinary(head, head.length, head.length < SNIFF_BYTES);
        }
    }

    /**
     * Opens file {@code item}'s content for streaming (a large blob is not loaded into memory).
     *
     * @throws IOException when the object is missing or is not a blob
     */
    public Content open(Item item) throws IOException {
        ObjectLoader loader = reader().open(item.objectId(), Constants.OBJ_BLOB);
        return new Content() {
            @Override
            public long size() {
                return loader.getSize();
            }

            @Override
            public void copyTo(OutputStream out) throws IOException {
                loader.copyTo(out);
            }
        };
    }

    /** A file's content, opened: its size, and a way to stream it. Valid while the tree is open. */
    public interface Content {
        /** The content's size in bytes. */
        long size();

        /** Streams the content to {@code out}; does not close it. */
        void copyTo(OutputStream out) throws IOException;
    }

    private ObjectReader reader() {
        if (reader == null) {
            reader = db.newObjectReader();
        }
        return reader;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
