package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.Repair;
import dev.bbpush.client.internal.OkTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The credential works for what was asked: {@link Cause#OK}, or works only after repairing paste damage. */
final class OkRules {
    private OkRules() {}

    /** The verdict once every check passed; {@code repo} is the repository checked, or {@code null}. */
    static Verdict okOrRepaired(RunState run, RepositoryRef repo) {
        List<Repair> repairs = run.repairs();
        String what =
                repo == null ? OkTexts.AUTHENTICATES : OkTexts.canOn(opsLabel(run.operations(true)), repo.toString());
        if (!repairs.isEmpty()) {
            return new Verdict(
                    Cause.SECRET_PASTE_DAMAGE,
                    true,
                    OkTexts.pasteDamageRepaired(
                            what,
                            repairs.stream().map(Repair::name).distinct().toList(),
                            repairs.stream()
                                    .map(r -> r.kind().text())
                                    .distinct()
                                    .toList()),
                    OkTexts.pasteDamageRepairedFix(pasteFix(repairs)));
        }
        if (repo == null && run.ctx.operations().contains(Operation.PUSH)) {
            return new Verdict(
                    Cause.OK, true, OkTexts.worksPassRepo(what, run.facts.kind().label()), "");
        }
        return new Verdict(Cause.OK, true, OkTexts.works(what), "");
    }

    private static List<String> pasteFix(List<Repair> repairs) {
        List<String> lines = new ArrayList<>();
        for (String name : repairs.stream().map(Repair::name).distinct().toList()) {
            if (name.matches("[A-Z_]+")) {
                lines.add(OkTexts.pasteDamageExportAgain(name));
            } else {
                lines.add(OkTexts.pasteDamageEdit(name));
            }
        }
        return lines;
    }

    private static String opsLabel(Set<Operation> ops) {
        return OkTexts.operations(ops.stream()
                .filter(o -> o != Operation.READ || ops.size() == 1)
                .map(o -> switch (o) {
                    case READ -> OkTexts.READ;
                    case PUSH -> OkTexts.PUSH;
                    case PULL_REQUEST -> OkTexts.CREATE_PULL_REQUESTS;
                })
                .toList());
    }
}
