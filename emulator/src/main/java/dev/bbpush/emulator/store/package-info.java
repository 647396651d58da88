/**
 * The repositories: bare Git repositories on disk ({@link dev.bbpush.emulator.store.RepoStore}, one per world
 * repository, seeded with a fixed-time commit so SHAs repeat across runs), the {@code POST /src} commit service, and
 * in-memory pull requests. This is the only package besides {@code git} (Git smart HTTP) that uses JGit: the REST
 * layer reads and changes a repository through {@link dev.bbpush.emulator.store.RepoContents} and gets plain values
 * back ({@code Commit}, {@code Branch}, {@code BranchUpdate}, {@code DiffstatEntry}, {@code SourceTree.Item}).
 * Branch moves are compare-and-swap; REST writers to one repository also hold {@code RepoStore.writeLock}, and every
 * request holds {@code RepoStore.sharedAccess()} so a reset waits for it. Thread-safe; wiring, not API.
 */
package dev.bbpush.emulator.store;
