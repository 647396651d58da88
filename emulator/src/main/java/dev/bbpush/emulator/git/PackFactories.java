package dev.bbpush.emulator.git;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.auth.Principal;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.TransferConfig;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.resolver.ReceivePackFactory;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.eclipse.jgit.transport.resolver.UploadPackFactory;

/**
 * Creates JGit's upload-pack (clone, fetch) and receive-pack (push) for a request that {@link GitAccessFilter}
 * has already authorized. JGit's defaults refuse pushes without {@code getRemoteUser()} and answer 401 without a
 * challenge, so authorization lives in the filter and these factories only refuse a request it did not pass.
 */
final class PackFactories {
    private final EmulatorContext ctx;

    PackFactories(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    UploadPackFactory<HttpServletRequest> upload() {
        return (req, db) -> {
            authorized(req);
            UploadPack up = new UploadPack(db);
            up.setTransferConfig(new TransferConfig(uploadConfig(db)));
            // Bitbucket serves partial clones, whose lazy blob fetches want objects that are not ref tips.
            // Access is per repository, so any object of it may be asked for.
            up.setRequestPolicy(UploadPack.RequestPolicy.ANY);
            return up;
        };
    }

    ReceivePackFactory<HttpServletRequest> receive() {
        return (req, db) -> {
            Principal p = authorized(req);
            GitPath path = (GitPath) req.getAttribute(GitAccessFilter.PATH);
            ReceivePack rp = new ReceivePack(db);
            if (p.account() != null) {
                rp.setRefLogIdent(
                        new PersonIdent(p.account().displayName(), p.account().email()));
            }
            RefUpdateLock lock = new RefUpdateLock(ctx.store().writeLock(path.workspace(), path.slug()));
            rp.setPreReceiveHook(lock);
            rp.setPostReceiveHook(lock);
            req.setAttribute(GitAccessFilter.LOCK, lock);
            return rp;
        };
    }

    /** The repository's config plus what Bitbucket allows: partial clone filters (shallow needs nothing). */
    private static Config uploadConfig(Repository db) {
        Config c = new Config(db.getConfig());
        c.setBoolean("uploadpack", null, "allowFilter", true);
        c.setBoolean("uploadpack", null, "allowAnySHA1InWant", true);
        c.setBoolean("uploadpack", null, "allowReachableSHA1InWant", true);
        return c;
    }

    private static Principal authorized(HttpServletRequest req) throws ServiceNotAuthorizedException {
        Object p = req.getAttribute(GitAccessFilter.PRINCIPAL);
        if (!(p instanceof Principal principal)) {
            throw new ServiceNotAuthorizedException();
        }
        return principal;
    }
}
