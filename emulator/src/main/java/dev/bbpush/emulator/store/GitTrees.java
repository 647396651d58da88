package dev.bbpush.emulator.store;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;

/** Builds a new tree from a base tree plus puts and deletes, without a working tree. */
public final class GitTrees {
    private GitTrees() {}

    /** A blob and its mode, to be placed at a path. */
    public record Entry(ObjectId blob, FileMode mode) {}

    /**
     * Writes the tree {@code base + puts - deletes}. A put replaces whatever was at its path, including
     * a file standing where the put needs a directory, or a directory where it needs a file (as
     * {@code git add} would after removing it). A delete of a directory removes the whole subtree.
     *
     * @param base the parent's tree, or {@code null} for an empty base
     * @param puts repository paths (no leading slash) to their new content
     * @param deletes repository paths to remove
     * @return the id of the written tree (inserted but not flushed)
     */
    public static ObjectId apply(
            Repository db, ObjectInserter ins, RevTree base, Map<String, Entry> puts, Set<String> deletes)
            throws IOException {
        DirCache dc = DirCache.newInCore();
        if (base != null) {
            try (ObjectReader reader = db.newObjectReader()) {
                DirCacheBuilder b = dc.builder();
                b.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base);
                b.finish();
            }
        }
        DirCacheEditor ed = dc.editor();
        for (String d : deletes) {
            ed.add(new DirCacheEditor.DeletePath(d));
            ed.add(new DirCacheEditor.DeleteTree(d));
        }
        for (Map.Entry<String, Entry> p : puts.entrySet()) {
            String path = p.getKey();
            // Clear a directory at this path, and files at each ancestor path.
            ed.add(new DirCacheEditor.DeleteTree(path));
            int slash = path.indexOf('/');
            while (slash > 0) {
                ed.add(new DirCacheEditor.DeletePath(path.substring(0, slash)));
                slash = path.indexOf('/', slash + 1);
            }
            Entry e = p.getValue();
            ed.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry ent) {
                    ent.setFileMode(e.mode());
                    ent.setObjectId(e.blob());
                }
            });
        }
        ed.finish();
        return dc.writeTree(ins);
    }
}
