package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.Repair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The credential works for what was asked: {@link Cause#OK}, or works only after repairing paste damage. */
final class OkRules {
    private OkRules() {}

    /** The verdict once every check passed; {@code repo} is the repository checked, or {@code null}. */
    static Verdict okOrRepaired(RunState run, RepositoryRef repo) {
        List<Repair> repairs = run.repairs();
        String what = repo == null ? "authenticates" : "can " + opsLabel(run.operations(true)) + " on " + repo;
        if (!repairs.isEmpty()) {
            String names = String.join(
                    ", ", repairs.stream().map(Repair::name).distinct().toList());
            return new Verdict(
                    Cause.SECRET_PASTE_DAMAGE,
                    true,
                    "The credential " + what + ", but only after bbpush repaired paste damage in " + names + " ("
                            + String.join(
                                    "; ",
                                    repairs.stream()
                                            .map(r -> r.kind().text())
                                            .distinct()
                                            .toList()) + "). Other "
                            + "tools will send the damaged value and fail.",
                    "Store the value again without quotes, spaces or line breaks, e.g.:\n" + pasteFix(repairs));
        }
        if (repo == null && run.ctx.operations().contains(Operation.PUSH)) {
            return new Verdict(
                    Cause.OK,
                    true,
                    "The credential " + what + " (" + run.facts.kind().label() + "). Pass "
                            + "--repo WORKSPACE/REPO to check a repository's permission too.",
                    "");
        }
        return new Verdict(Cause.OK, true, "The credential " + what + ".", "");
    }

    private static String pasteFix(List<Repair> repairs) {
        List<String> lines = new ArrayList<>();
        for (String name : repairs.stream().map(Repair::name).distinct().toList()) {
            if (name.matches("[A-Z_]+")) {
                lines.add("export " + name + "=\"$(printf '%s' \"$" + name
                        + "\" | tr -d '\\r\\n\"' | xargs)\"   # or set it again from the source without quotes");
            } else {
                lines.add("Edit " + name + ": remove the quotes, spaces and line breaks around the value");
            }
        }
        return String.join("\n", lines);
    }

    private static String opsLabel(Set<Operation> ops) {
        return String.join(
                " and ",
                ops.stream()
                        .filter(o -> o != Operation.READ || ops.size() == 1)
                        .map(o -> switch (o) {
                            case READ -> "read";
                            case PUSH -> "push";
                            case PULL_REQUEST -> "create pull requests";
                        })
                        .toList());
    }
}
