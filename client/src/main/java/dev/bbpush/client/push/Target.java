package dev.bbpush.client.push;

import java.util.Optional;

/**
 * Where a push goes and what is there: the branch, whether it is new (then {@code baseBranch}'s head is the parent),
 * the main branch when already known, and the remote tree at the head.
 */
record Target(String branch, String baseBranch, boolean newBranch, Optional<String> knownMain, RemoteTree tree) {
    /** The main branch, asking the REST API if the plan did not learn it. */
    String main(RestCalls rest) {
        return knownMain
                .or(rest::mainBranch)
                .orElseThrow(() -> new PushRefusedException(
                        "The repository reports no main branch. Name the branch (--branch) and, for a pull request, its"
                                + " destination (--base)."));
    }
}
