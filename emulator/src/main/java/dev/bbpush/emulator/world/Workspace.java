package dev.bbpush.emulator.world;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A workspace with its plan, its members and its access-control policies.
 *
 * @param slug the workspace slug
 * @param name the display name
 * @param uuid the workspace UUID in braces
 * @param plan {@code free}, {@code standard} or {@code premium}
 * @param members usernames of the members
 * @param admins usernames of the administrators (also members)
 * @param ipAllowlist CIDR ranges allowed to reach private content; empty means no allowlist
 * @param requireTwoStepVerification whether members must have two-step verification to see private
 *     content (a Premium policy)
 */
public record Workspace(
        String slug,
        String name,
        String uuid,
        String plan,
        Set<String> members,
        Set<String> admins,
        List<String> ipAllowlist,
        boolean requireTwoStepVerification) {

    public Workspace {
        Objects.requireNonNull(slug, "slug");
        members = Set.copyOf(members);
        admins = Set.copyOf(admins);
        ipAllowlist = List.copyOf(ipAllowlist);
    }

    public boolean isMember(String username) {
        return members.contains(username) || admins.contains(username);
    }
}
