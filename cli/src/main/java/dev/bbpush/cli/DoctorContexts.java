package dev.bbpush.cli;

import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.diagnose.DoctorContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the {@link DoctorContext} of a command from its credential options (shared by auth commands and push). */
public final class DoctorContexts {
    private DoctorContexts() {}

    /**
     * The context with the command's API URL, OAuth token URL, email and the full credential resolution.
     *
     * @throws CommandLine.ParameterException (usage, exit 2) when the API URL is not a valid http(s) URL
     */
    public static DoctorContext.Builder from(CommandSpec spec, CredentialOptions options) {
        return from(spec, options, options.resolve(CliContext.of(spec)));
    }

    /**
     * The same with a resolution the command already made: a token from {@code --token-stdin} can be read only once,
     * so a command that used the credential (push) hands its resolution to the doctor instead of resolving again.
     *
     * @throws CommandLine.ParameterException (usage, exit 2) when the API URL is not a valid http(s) URL
     */
    public static DoctorContext.Builder from(
            CommandSpec spec, CredentialOptions options, CredentialResolution resolution) {
        CliContext ctx = CliContext.of(spec);
        try {
            DoctorContext.Builder b = DoctorContext.builder()
                    .apiUrl(options.apiUrl(ctx))
                    .resolution(resolution)
                    .email(options.email(ctx).orElse(null));
            options.oauthTokenUrl(ctx).ifPresent(b::oauthTokenUrl);
            return b;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
