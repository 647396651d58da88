package dev.bbpush.emulator.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.Project;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.Workspace;
import dev.bbpush.emulator.world.WorldSettings;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of {@code GET /_emulator/world}: the world as a person exploring the emulator needs it, without any
 * secret (credentials appear by name and kind; their secrets are at {@code GET /_emulator/credentials}).
 */
final class WorldSummary {
    private WorldSummary() {}

    static ObjectNode of(EmulatorContext ctx, String origin) {
        ObjectNode root = Json.obj().put("name", ctx.world().name());
        root.set("settings", settings(ctx.world().settings()));
        ArrayNode accounts = root.putArray("accounts");
        for (Account a : ctx.world().accounts()) {
            accounts.addObject()
                    .put("username", a.username())
                    .put("display_name", a.displayName())
                    .put("email", a.email())
                    .put("uuid", a.uuid())
                    .put("account_id", a.accountId())
                    .put("two_step_verification", a.twoStepVerification());
        }
        ArrayNode workspaces = root.putArray("workspaces");
        for (Workspace w : ctx.world().workspaces()) {
            ObjectNode o = workspaces
                    .addObject()
                    .put("slug", w.slug())
                    .put("name", w.name())
                    .put("uuid", w.uuid())
                    .put("plan", w.plan());
            w.members().stream().sorted().forEach(o.putArray("members")::add);
            w.admins().stream().sorted().forEach(o.putArray("admins")::add);
            ObjectNode policies = o.putObject("policies");
            w.ipAllowlist().forEach(policies.putArray("ip_allowlist")::add);
            policies.put("require_two_step_verification", w.requireTwoStepVerification());
            ArrayNode projects = o.putArray("projects");
            for (Project p : ctx.world().projects()) {
                if (p.workspace().equals(w.slug())) {
                    projects.addObject()
                            .put("key", p.key())
                            .put("name", p.name())
                            .put("uuid", p.uuid());
                }
            }
        }
        ArrayNode repos = root.putArray("repositories");
        for (Repo r : ctx.world().repositories()) {
            ObjectNode o = repos.addObject()
                    .put("full_name", r.fullName())
                    .put("workspace", r.workspace())
                    .put("slug", r.slug())
                    .put("name", r.name())
                    .put("uuid", r.uuid())
                    .put("project", r.projectKey())
                    .put("is_private", r.isPrivate())
                    .put("mainbranch", r.mainBranch())
                    .put("api_url", origin + "/2.0/repositories/" + r.fullName())
                    .put("clone_url", origin + "/" + r.fullName() + ".git");
            ObjectNode perms = o.putObject("permissions");
            new TreeMap<>(r.permissions()).forEach((user, perm) -> perms.put(user, perm.wire()));
        }
        ArrayNode creds = root.putArray("credentials");
        for (Credential c : ctx.world().credentials()) {
            creds.addObject().put("name", c.name()).put("kind", c.kind().wire());
        }
        return root;
    }

    private static ObjectNode settings(WorldSettings s) {
        ObjectNode o = Json.obj()
                .put("app_passwords", s.appPasswords().name().toLowerCase(Locale.ROOT))
                .put("cross_workspace_endpoints_gone", s.crossWorkspaceEndpointsGone())
                .put(
                        "oauth_access_token_lifetime_seconds",
                        s.oauthAccessTokenLifetime().toSeconds());
        WorldSettings.RateLimits r = s.rateLimits();
        ObjectNode limits = o.putObject("rate_limits_per_hour");
        for (Map.Entry<String, Integer> e : Map.of(
                        "repository_data",
                        r.repositoryData(),
                        "raw_files",
                        r.rawFiles(),
                        "git",
                        r.git(),
                        "anonymous",
                        r.anonymous())
                .entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            limits.put(e.getKey(), e.getValue());
        }
        if (s.startTime() == null) {
            o.putNull("start_time");
        } else {
            o.put("start_time", s.startTime().toString());
        }
        return o;
    }
}
