package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.Workspace;
import dev.bbpush.emulator.world.World;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Premium workspace access controls that guard private content (reference:
 * bitbucket-cloud-auth.md §6.2): an IP allowlist and required two-step verification.
 *
 * <p>Who is exempt (§6.2 leaves it open; the emulator's choice, documented in
 * docs/emulator-fidelity.md): the IP allowlist applies to every caller, since it is a property of
 * the network address. The 2SV requirement applies to callers that act as an account (API tokens, app
 * passwords, authorization-code OAuth tokens) whose account lacks 2SV; access tokens and
 * client-credentials OAuth tokens act as no account and are exempt, as Bitbucket says they "don't
 * require 2SV".
 */
final class WorkspacePolicies {
    private final World world;
    private final Map<String, IpAllowlist> allowlists = new HashMap<>();

    /** @throws IllegalArgumentException naming the workspace when an allowlist entry is invalid */
    WorkspacePolicies(World world) {
        this.world = world;
        for (Workspace w : world.workspaces()) {
            try {
                allowlists.put(w.slug(), IpAllowlist.parse(w.ipAllowlist()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Workspace '" + w.slug() + "': " + e.getMessage(), e);
            }
        }
    }

    /** Which policy, if any, keeps {@code p} calling from {@code clientAddress} away from private {@code repo}. */
    Optional<Violation> check(Principal p, Repo repo, String clientAddress) {
        if (!repo.isPrivate()) {
            return Optional.empty();
        }
        Optional<Workspace> ws = world.workspace(repo.workspace());
        if (ws.isEmpty()) {
            return Optional.empty();
        }
        IpAllowlist allow = allowlists.get(ws.get().slug());
        if (allow != null && !allow.allows(clientAddress)) {
            return Optional.of(Violation.IP_ALLOWLIST);
        }
        if (ws.get().requireTwoStepVerification()
                && p.account() != null
                && !p.account().twoStepVerification()) {
            return Optional.of(Violation.TWO_STEP_VERIFICATION);
        }
        return Optional.empty();
    }

    enum Violation {
        IP_ALLOWLIST,
        TWO_STEP_VERIFICATION
    }
}
