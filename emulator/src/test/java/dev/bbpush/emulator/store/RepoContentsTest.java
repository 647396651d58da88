package dev.bbpush.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store's face for the REST API, on a real (in-memory) JGit repository: values out, JGit never. */
class RepoContentsTest {
    private final InMemoryRepository db = new InMemoryRepository(new DfsRepositoryDescription("t"));
    private final RepoContents git = new RepoContents(db);
    private int clock;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCommitComesOutAsAValueWithParentsPeopleAndMessage() throws Exception {
        String first = commit(null, "first\n", Map.of("a.txt", "1\n"));
        String second = commit(first, "second\n\nbody\n", Map.of("a.txt", "2\n"));
        branch("main", second);

        Commit tip = git.branchTip("main").orElseThrow();

        assertThat(tip.sha()).isEqualTo(second);
        assertThat(tip.parents()).containsExactly(first);
        assertThat(tip.message()).isEqualTo("second\n\nbody\n");
        assertThat(tip.author()).isEqualTo(new Commit.Person("Ada", "ada@example.com", Instant.ofEpochSecond(2)));
        assertThat(git.resolve(second.substring(0, 7))).contains(tip);
        assertThat(git.branchTip("nope")).isEmpty();
    }

    @Test
    void creatingABranchNeverMovesAnExistingOne() throws Exception {
        String first = commit(null, "first\n", Map.of("a.txt", "1\n"));
        String second = commit(first, "second\n", Map.of("a.txt", "2\n"));

        assertThat(git.createBranch("topic", first).outcome()).isEqualTo(BranchUpdate.Outcome.APPLIED);
        BranchUpdate again = git.createBranch("topic", second);

        assertThat(again.outcome()).isEqualTo(BranchUpdate.Outcome.FAILED);
        assertThat(again.detail()).isNotEmpty();
        assertThat(git.branchHead("topic")).contains(first);
        assertThat(git.branchNameConflicts("topic/x")).isTrue();
    }

    @Test
    void deletingABranchThatMovedMeanwhileFailsAndKeepsIt() throws Exception {
        String first = commit(null, "first\n", Map.of("a.txt", "1\n"));
        String second = commit(first, "second\n", Map.of("a.txt", "2\n"));
        branch("topic", second);

        assertThat(git.deleteBranch("topic", first).outcome()).isEqualTo(BranchUpdate.Outcome.FAILED);
        assertThat(git.hasBranch("topic")).isTrue();
        assertThat(git.deleteBranch("topic", second).outcome()).isEqualTo(BranchUpdate.Outcome.APPLIED);
        assertThat(git.hasBranch("topic")).isFalse();
    }

    @Test
    void historyIsNewestFirstAndStopsWhenTheVisitorSaysSo() throws Exception {
        String first = commit(null, "first\n", Map.of("a.txt", "1\n"));
        String second = commit(first, "second\n", Map.of("b.txt", "1\n"));
        String third = commit(second, "third\n", Map.of("a.txt", "2\n"));
        branch("main", third);

        List<String> all = new ArrayList<>();
        git.history(List.of(), List.of(), List.of(), c -> all.add(c.sha()));
        List<String> two = new ArrayList<>();
        git.history(List.of(third), List.of(), List.of(), c -> two.add(c.sha()) && two.size() < 2);
        List<Commit> touchingA = new ArrayList<>();
        git.history(List.of(third), List.of(), List.of("a.txt"), touchingA::add);

        assertThat(all).containsExactly(third, second, first);
        assertThat(two).containsExactly(third, second);
        assertThat(touchingA).extracting(Commit::sha).containsExactly(third, first);
        // As git log -- a.txt shows it: the parent is rewritten to the previous commit touching the path.
        assertThat(touchingA.get(0).parents()).containsExactly(first);
    }

    @Test
    void diffstatListsChangedFilesAndCountsTheirLines() throws Exception {
        String first = commit(null, "first\n", Map.of("a.txt", "1\n2\n", "gone.txt", "x\n"));
        String second = commit(first, "second\n", Map.of("a.txt", "1\n3\n4\n", "new.txt", "n\n"), Set.of("gone.txt"));

        try (Diffstat d = git.diffstat(first, second, new Diffstat.Options(true, false, List.of()))) {
            List<DiffstatEntry> entries = d.entries();

            assertThat(entries)
                    .containsExactly(
                            new DiffstatEntry(DiffstatEntry.Status.MODIFIED, "a.txt", "a.txt"),
                            new DiffstatEntry(DiffstatEntry.Status.REMOVED, "gone.txt", null),
                            new DiffstatEntry(DiffstatEntry.Status.ADDED, null, "new.txt"));
            assertThat(d.lines(entries.get(0))).isEqualTo(new DiffstatEntry.Lines(2, 1));
        }
        assertThat(git.mergeBaseOr(second, first)).isEqualTo(first);
        assertThat(git.isMergedInto(first, second)).isTrue();
        assertThat(git.isMergedInto(second, first)).isFalse();
    }

    @Test
    void aTreeReadsFileContentAndKindWithoutJGitTypes() throws Exception {
        String only = commit(null, "only\n", Map.of("bin/run.sh", "#!/bin/sh\n"));

        try (SourceTree tree = git.tree(git.resolve(only).orElseThrow())) {
            SourceTree.Item file = tree.lookup("bin/run.sh").orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            tree.open(file).copyTo(out);

            assertThat(tree.lookup("bin").orElseThrow().isDirectory()).isTrue();
            assertThat(file.isDirectory()).isFalse();
            assertThat(tree.size(file)).isEqualTo(10);
            assertThat(tree.isBinary(file)).isFalse();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("#!/bin/sh\n");
        }
    }

    private String commit(String parent, String message, Map<String, String> files) throws Exception {
        return commit(parent, message, files, Set.of());
    }

    private String commit(String parent, String message, Map<String, String> files, Set<String> deletes)
            throws Exception {
        clock++;
        PersonIdent ident = new PersonIdent("Ada", "ada@example.com", Instant.ofEpochSecond(clock), ZoneOffset.UTC);
        try (ObjectInserter ins = db.newObjectInserter();
                RevWalk rw = new RevWalk(db)) {
            Map<String, GitTrees.Entry> puts = new TreeMap<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8));
                puts.put(f.getKey(), new GitTrees.Entry(blob, FileMode.REGULAR_FILE));
            }
            ObjectId tree = GitTrees.apply(
                    db,
                    ins,
                    parent == null
                            ? null
                            : rw.parseCommit(ObjectId.fromString(parent)).getTree(),
                    puts,
                    deletes);
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(tree);
            if (parent != null) {
                cb.setParentId(ObjectId.fromString(parent));
            }
            cb.setAuthor(ident);
            cb.setCommitter(ident);
            cb.setMessage(message);
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id.name();
        }
    }

    private void branch(String name, String sha) throws Exception {
        RefUpdate ru = db.updateRef(Constants.R_HEADS + name);
        ru.setNewObjectId(ObjectId.fromString(sha));
        assertThat(ru.forceUpdate()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED);
    }
}
