package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.Repair;
import dev.bbpush.client.internal.UnauthorizedTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The credential works for what was asked: {@link Cause#OK}, or works only after repairing paste damage. */
final class OkRules {
    private OkRules() {}

    /** The verdict once every check passed; {@code repo} is the repository checked, or {@code null}. */
    static Verdict okOrRepaired(RunState run, RepositoryRef repo) {
        List<Repair> repairs = run.repairs();
        String what = repo == null
                ? UnauthorizedTexts.AUTHENTICATES
                : UnauthorizedTexts.canOn(opsLabel(run.operations(true)), repo.toString());
        if (!repairs.isEmpty()) {
            return new Verdict(
                    Cause.SECRET_PASTE_DAMAGE,
                    true,
                    UnauthorizedTexts.pasteDamageRepaired(
                            what,
                            repairs.stream().map(Repair::name).distinct().toList(),
                            repairs.stream()
                                    .map(r -> r.kind().text())
                                    .distinct()
                                    .toList()),
                    UnauthorizedTexts.pasteDamageRepairedFix(pasteFix(repairs)));
        }
        if (repo == null && run.ctx.operations().contains(Operation.PUSH)) {
            return new Verdict(
                    Cause.OK,
                    true,
                    UnauthorizedTexts.worksPassRepo(what, run.facts.kind().label()),
                    "");
        }
        return new Verdict(Cause.OK, true, UnauthorizedTexts.works(what), "");
    }

    private static List<String> pasteFix(List<Repair> repairs) {
        List<String> lines = new ArrayList<>();
        for (String name : repairs.stream().map(Repair::name).distinct().toList()) {
            if (name.matches("[A-Z_]+")) {
                lines.add(UnauthorizedTexts.pasteDamageExportAgain(name));
            } else {
                lines.add(UnauthorizedTexts.pasteDamageEdit(name));
            }
        }
        return lines;
    }

    private static String opsLabel(Set<Operation> ops) {
        return UnauthorizedTexts.operations(ops.stream()
                .filter(o -> o != Operation.READ || ops.size() == 1)
                .map(o -> switch (o) {
                    case READ -> UnauthorizedTexts.READ;
                    case PUSH -> UnauthorizedTexts.PUSH;
                    case PULL_REQUEST -> UnauthorizedTexts.CREATE_PULL_REQUESTS;
                })
                .toList());
    }
}
