package dev.bbpush.emulator.api;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.Router;

/** The REST route table: every operation group registers its routes here. */
public final class ApiRoutes {
    private ApiRoutes() {}

    public static Router build(EmulatorContext ctx) {
        Router r = new Router();
        new RepositoryApi(ctx).register(r);
        new BranchApi(ctx).register(r);
        new CommitApi(ctx).register(r);
        new DiffstatApi(ctx).register(r);
        new PullRequestApi(ctx).register(r);
        new UserApi(ctx).register(r);
        new WorkspaceApi(ctx).register(r);
        new CrossWorkspaceApi(ctx).register(r);
        new SrcApi(ctx).register(r);
        return r;
    }
}
