package dev.bbpush.emulator.api;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.world.Workspace;
import java.io.IOException;

/**
 * {@code GET /workspaces/{workspace}} (reference: bitbucket-cloud-rest.md §8.3). The workspace object
 * is readable by any caller, as public workspace pages are on Bitbucket; an unknown slug is 404.
 */
public final class WorkspaceApi {
    private final EmulatorContext ctx;

    public WorkspaceApi(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    void get(Exchange ex) throws IOException {
        String slug = ex.param("workspace");
        Workspace w = ctx.world()
                .workspace(slug)
                .orElseThrow(() -> ApiError.notFound("No workspace with identifier '" + slug + "'.")
                        .reason("no workspace " + slug));
        ex.json(200, new Representations(ctx.world(), ex.links()).workspaceDetail(w));
    }
}
