package dev.bbpush.cli;

import picocli.CommandLine.Command;

/** {@code bbpush auth}: groups {@code status} and {@code doctor}. */
@Command(
        name = "auth",
        mixinStandardHelpOptions = true,
        description = "Show and explain the Bitbucket credential bbpush would use.",
        subcommands = {AuthStatusCommand.class, AuthDoctorCommand.class})
public final class AuthCommand {}
