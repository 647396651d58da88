package dev.bbpush.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;

class SourceTreeTest {

    private static SourceTree tree(InMemoryRepository db, String... paths) throws Exception {
        try (ObjectInserter ins = db.newObjectInserter();
                RevWalk rw = new RevWalk(db)) {
            Map<String, GitTrees.Entry> puts = new TreeMap<>();
            for (String p : paths) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, p.getBytes(StandardCharsets.UTF_8));
                puts.put(p, new GitTrees.Entry(blob, FileMode.REGULAR_FILE));
            }
            ObjectId id = GitTrees.apply(db, ins, null, puts, Set.of());
            ins.flush();
            RevTree root = rw.parseTree(id);
            return new SourceTree(db, root);
        }
    }

    @Test
    void listingThatWouldVisitMoreThanTheBudgetFailsAsTooLarge() throws Exception {
        try (InMemoryRepository db = new InMemoryRepository(new DfsRepositoryDescription("t"))) {
            SourceTree t = tree(db, "a/1", "a/2", "b/1", "b/2", "c");

            SourceTree.Item root = t.lookup("").orElseThrow();

            assertThat(t.list(root, 1, 3)).hasSize(3);
            assertThat(t.list(root, 2, 7)).hasSize(7);
            assertThatThrownBy(() -> t.list(root, 2, 6)).isInstanceOf(SourceTree.TooLarge.class);
        }
    }

    @Test
    void lookupFindsFilesAndDirectoriesAndNothingElse() throws Exception {
        try (InMemoryRepository db = new InMemoryRepository(new DfsRepositoryDescription("t"))) {
            SourceTree t = tree(db, "a/b/c.txt");

            assertThat(t.lookup("a/b").orElseThrow().isDirectory()).isTrue();
            assertThat(t.lookup("a/b/c.txt").orElseThrow().mode()).isEqualTo(FileMode.REGULAR_FILE.getBits());
            assertThat(t.lookup("a/x")).isEmpty();
            assertThat(t.lookup("a/b/c.txt/d")).isEmpty();
        }
    }
}
