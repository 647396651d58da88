package dev.bbpush.emulator.git;

import dev.bbpush.emulator.EmulatorContext;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;

/**
 * Maps the name JGit's {@code GitServlet} extracts ({@code ws/repo.git} or {@code ws/repo}) to the store's bare
 * repository. Only repositories of the world resolve; anything else is {@link RepositoryNotFoundException}.
 */
final class StoreRepositoryResolver implements RepositoryResolver<HttpServletRequest> {
    private final EmulatorContext ctx;

    StoreRepositoryResolver(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Repository open(HttpServletRequest req, String name) throws RepositoryNotFoundException {
        String n = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
        int slash = n.indexOf('/');
        if (slash <= 0 || slash != n.lastIndexOf('/')) {
            throw new RepositoryNotFoundException(name);
        }
        String ws = n.substring(0, slash);
        String slug = n.substring(slash + 1);
        if (ctx.world().repository(ws, slug).isEmpty()) {
            throw new RepositoryNotFoundException(name);
        }
        Repository db = ctx.store().repository(ws, slug);
        // GitServlet closes what the resolver returns; the store's instance is shared, so count this use.
        db.incrementOpen();
        return db;
    }
}
