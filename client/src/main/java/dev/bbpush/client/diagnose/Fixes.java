package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.CredentialSource;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.internal.RefusalTexts;
import dev.bbpush.client.internal.RunTexts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copy-pasteable fix lines, worded for where the credential came from (environment variables, the config file, flags
 * or stdin). Their wording is in {@link RunTexts}; the texts of refusals are in {@link RefusalTexts} and the
 * catalogue classes beside it.
 */
final class Fixes {
    private final CredentialSource source;

    Fixes(CredentialSource source) {
        this.source = source;
    }

    /**
     * A line that sets a setting in the same kind of place the credential came from. Secrets are never suggested as
     * flags (command lines are visible to other processes): from stdin they are piped, otherwise exported.
     */
    String set(Setting setting, String value) {
        boolean secret = setting.secret();
        return switch (source.type()) {
            case CONFIG_FILE ->
                RunTexts.setInConfigFile(source.location(), setting.configKey().orElse(setting.name()), value);
            case STDIN ->
                secret && setting != Setting.OAUTH_CLIENT_SECRET
                        ? RunTexts.pipeSecret(value)
                        : setting.flag()
                                .filter(f -> !secret)
                                .map(f -> RunTexts.passFlag(f, value))
                                .orElse(export(setting, value));
            case FLAG ->
                setting.flag()
                        .filter(f -> !secret)
                        .map(f -> RunTexts.passFlag(f, value))
                        .orElse(export(setting, value));
            default -> export(setting, value);
        };
    }

    private static String export(Setting setting, String value) {
        return RunTexts.export(setting.envVars().get(0), value);
    }

    /** {@code unset ...} for the environment variables that supplied the credential, when they are not bbpush's own. */
    String unsetLegacy() {
        if (source.type() != CredentialSource.Type.ENVIRONMENT) {
            return "";
        }
        Set<String> legacy = new LinkedHashSet<>();
        for (String n : source.names()) {
            if (!n.startsWith("BBPUSH_")) {
                legacy.add(n);
            }
        }
        return legacy.isEmpty() ? "" : RunTexts.unset(List.copyOf(legacy));
    }

    /** The steps to create an API token with the scopes the operations need, and to use it with the email. */
    List<String> newApiToken(List<String> scopes) {
        List<String> lines = new ArrayList<>();
        lines.add(RefusalTexts.Doctor.createApiToken(scopes));
        lines.add(set(Setting.EMAIL, RunTexts.ACCOUNT_EMAIL));
        String token = set(Setting.API_TOKEN, RunTexts.NEW_TOKEN);
        lines.add(source.type() == CredentialSource.Type.STDIN ? token : token + RunTexts.OR_PIPE_IT);
        String unset = unsetLegacy();
        if (!unset.isEmpty()
                && !(source.names().contains("BITBUCKET_API_TOKEN")
                        || source.names().contains("ATLASSIAN_API_TOKEN"))) {
            lines.add(unset);
        }
        return lines;
    }

    static String join(List<String> lines) {
        return String.join("\n", lines.stream().filter(l -> !l.isBlank()).toList());
    }
}
