package dev.bbpush.cli;

import dev.bbpush.cli.output.FailureOutput;
import dev.bbpush.cli.output.PushOutput;
import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.CredentialProvider;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.ChangeSetBuilder;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.diagnose.Diagnosis;
import dev.bbpush.client.diagnose.Doctor;
import dev.bbpush.client.diagnose.DoctorContext;
import dev.bbpush.client.diagnose.Operation;
import dev.bbpush.client.diagnose.RepositoryRef;
import dev.bbpush.client.error.AccessDeniedException;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.push.PullRequestFailedException;
import dev.bbpush.client.push.PullRequestSpec;
import dev.bbpush.client.push.PushRequest;
import dev.bbpush.client.push.PushResult;
import dev.bbpush.client.push.Pusher;
import dev.bbpush.client.safety.SafetyOverrides;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bbpush push}: commits files into a Bitbucket Cloud branch as one commit (exactly once), optionally opening a
 * pull request. A thin shell over {@link Pusher}: options map onto {@link ChangeSet#builder()} and {@link
 * PushRequest}; output is rendered by {@link PushOutput} and failures by {@link FailureOutput}; exit codes come from
 * {@link ExitCodes}. When Bitbucket refuses the credential, the auth doctor explains why ({@link Doctor#explain}).
 */
@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Commit files into a Bitbucket Cloud branch as one commit, and optionally open a pull request.",
            "A directory's contents map under --to; a file goes to --to/<its name>. Only changed files are sent;",
            "a push that changes nothing makes no commit. Terraform state, plans and .terraform/ are never pushed",
            "from a directory walk; secrets and state files named explicitly block the push (exit 5).",
            "Credentials: BBPUSH_EMAIL + BBPUSH_API_TOKEN, BBPUSH_ACCESS_TOKEN, the config file or --token-stdin."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:committed, nothing to commit, or dry run",
            "1:unexpected failure",
            "2:usage: bad options, input files or patterns; missing base branch",
            "3:authentication or authorization (with the doctor's explanation)",
            "4:conflict: the branch moved and the other change touched the same paths",
            "5:blocked by a safety check (secret or Terraform state)",
            "6:network failure, retries exhausted, rate-limited or server error; or the branch kept moving on",
            "  other paths for the whole --conflict-timeout (busy branch: run the same push again)"
        })
public final class PushCommand implements Callable<Integer> {
    /** Bitbucket Pipelines' variables for the repository a build runs in (the {@code --repo} default). */
    static final String PIPELINES_WORKSPACE = "BITBUCKET_WORKSPACE";

    static final String PIPELINES_REPO_SLUG = "BITBUCKET_REPO_SLUG";

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "Files and directories to push (required unless --stdin-path). No default: name '.' to push "
                    + "the current directory.")
    List<Path> paths = new ArrayList<>();

    @Option(
            names = "--repo",
            paramLabel = "WORKSPACE/REPO",
            description = "The repository, e.g. acme/infra. In Bitbucket Pipelines: default "
                    + "$BITBUCKET_WORKSPACE/$BITBUCKET_REPO_SLUG.")
    String repo;

    @Option(
            names = "--branch",
            paramLabel = "BRANCH",
            description = "The branch to commit to (created from --base when missing). Default: the main branch.")
    String branch;

    @Option(
            names = "--base",
            paramLabel = "BRANCH",
            description = "Where a new --branch starts, and the pull request's destination. Default: the main branch.")
    String base;

    @Option(
            names = "--to",
            paramLabel = "PREFIX",
            defaultValue = "",
            description = "Repository directory the PATHs map into ('.' = the root). Default: the repository root.")
    String to;

    @Option(
            names = {"-m", "--message"},
            paramLabel = "MESSAGE",
            description = "Commit message. Default: 'bbpush: A added, M modified, D deleted'.")
    String message;

    @Option(
            names = "--author",
            paramLabel = "\"NAME <EMAIL>\"",
            description = "Commit author. Default: the account the credential belongs to.")
    String author;

    @Option(
            names = "--delete",
            description = "Mirror: also delete remote files under --to that the PATHs do not have (files a walk "
                    + "skipped are kept).")
    boolean delete;

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            description = "Only take files matching GLOB from directory walks (gitignore syntax; repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "GLOB",
            description = "Leave files matching GLOB out of directory walks (gitignore syntax; repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(
            names = "--allow",
            paramLabel = "RULE:PATH",
            description = "Allow one safety rule for one repository path, e.g. tfvars-password:live/test.tfvars "
                    + "(repeatable; there is no switch that disables the checks).")
    List<String> allows = new ArrayList<>();

    @Option(
            names = "--stdin-path",
            paramLabel = "REPO_PATH",
            description = "Also push standard input as this repository path (exact path, --to does not apply).")
    String stdinPath;

    @Option(names = "--dry-run", description = "Print the plan; send nothing that changes Bitbucket.")
    boolean dryRun;

    @Option(
            names = "--pr",
            paramLabel = "TITLE",
            description = "Open a pull request from --branch into --base (or the main branch), or reuse an open one.")
    String prTitle;

    @Option(names = "--pr-description", paramLabel = "TEXT", description = "The pull request's description.")
    String prDescription;

    @Option(
            names = "--conflict-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "How long to keep retrying while other writers' commits on other paths keep moving the branch "
                            + "(random, growing waits), e.g. 90s, 5m, PT2M; 0 = no retry. Default: 2m.")
    Duration conflictTimeout;

    @Option(names = "--json", description = "Print one JSON object (result or error) on standard output.")
    boolean json;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only errors (with --json: only the JSON).")
    boolean quiet;

    @Mixin
    CredentialOptions credentials;

    /** The resolution the push used, for the doctor (a stdin token cannot be read twice). */
    private CredentialResolution resolution;

    private RepositoryRef repository;

    @Override
    public Integer call() {
        CliContext ctx = CliContext.of(spec);
        PushOutput output = new PushOutput(
                spec.commandLine().getOut(), spec.commandLine().getErr(), json, quiet, verbose(), ctx.interactive());
        try {
            PushResult result = push(ctx, output);
            output.result(result);
            return ExitCode.OK.code();
        } catch (RuntimeException e) {
            output.interrupted();
            if (e instanceof PullRequestFailedException p && !json) {
                output.result(p.pushResult());
            }
            ExitCode code = ExitCodes.of(e);
            FailureOutput.Failure failure = new FailureOutput.Failure(
                    e,
                    code.code(),
                    code == ExitCode.UNEXPECTED,
                    e instanceof UsageException || e instanceof CommandLine.ParameterException);
            new FailureOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), json, verbose())
                    .print(failure, diagnose(e), doctorCommand());
            return code.code();
        }
    }

    private PushResult push(CliContext ctx, PushOutput output) {
        if (stdinPath != null && credentials.tokenStdin) {
            throw usage("--token-stdin and --stdin-path both read standard input. Give the token in the environment "
                    + "instead (BBPUSH_EMAIL + BBPUSH_API_TOKEN, or BBPUSH_ACCESS_TOKEN).");
        }
        if (paths.isEmpty() && stdinPath == null) {
            throw usage("Name what to push: bbpush push PATH... --repo WORKSPACE/REPO (e.g. 'bbpush push . --repo "
                    + "acme/infra' for the current directory), or --stdin-path REPO_PATH to push standard input.");
        }
        if (prDescription != null && prTitle == null) {
            throw usage("--pr-description needs --pr TITLE.");
        }
        repository = repository(ctx);
        PushRequest.Builder request = userValues(() -> PushRequest.builder()
                .repository(repository.workspace(), repository.slug())
                .dryRun(dryRun)
                .safetyOverrides(overrides())
                .listener(event -> {
                    output.onEvent(event);
                    ctx.pushListener().onEvent(event);
                }));
        userValues(() -> {
            Optional.ofNullable(branch).ifPresent(request::branch);
            Optional.ofNullable(base).ifPresent(request::base);
            Optional.ofNullable(message).ifPresent(request::message);
            Optional.ofNullable(author).ifPresent(request::author);
            Optional.ofNullable(conflictTimeout).ifPresent(request::conflictTimeout);
            if (delete) {
                request.mirror(prefix());
            }
            if (prTitle != null) {
                request.pullRequest(PullRequestSpec.titled(prTitle).description(prDescription));
            }
            return request;
        });
        try (ChangeSet changes = changes(ctx)) {
            PushRequest req = userValues(() -> request.changes(changes).build());
            resolution = credentials.resolve(ctx);
            try (BitbucketClient client = userValues(() -> client(ctx))) {
                return client.push(req);
            }
        } catch (IOException e) {
            throw new LocalContentException(null, "an input", "could not be read (" + e + ")", e);
        }
    }

    /** {@code --to}; {@code .} and {@code ./} name the root, like the default. */
    private String prefix() {
        return to.equals(".") || to.equals("./") ? "" : to;
    }

    /** {@code --repo}, else Bitbucket Pipelines' repository, else a usage error. */
    private RepositoryRef repository(CliContext ctx) {
        String r = repo;
        if (r == null) {
            Optional<String> ws = ctx.env().get(PIPELINES_WORKSPACE);
            Optional<String> slug = ctx.env().get(PIPELINES_REPO_SLUG);
            if (ws.isEmpty() || slug.isEmpty()) {
                throw usage(
                        "Missing --repo WORKSPACE/REPO, e.g. --repo acme/infra. (Inside Bitbucket Pipelines it defaults "
                                + "to $" + PIPELINES_WORKSPACE + "/$" + PIPELINES_REPO_SLUG + ".)");
            }
            r = ws.get() + "/" + slug.get();
        }
        try {
            return RepositoryRef.parse(r);
        } catch (IllegalArgumentException e) {
            throw usage("--repo: " + e.getMessage());
        }
    }

    /** {@code --allow RULE:PATH}, each one rule for one path. */
    private SafetyOverrides overrides() {
        SafetyOverrides o = SafetyOverrides.none();
        for (String a : allows) {
            int colon = a.indexOf(':');
            if (colon <= 0 || colon == a.length() - 1) {
                throw usage("--allow takes RULE:PATH (one rule for one repository path), e.g. --allow "
                        + "tfvars-password:live/test.tfvars; got '" + a + "'");
            }
            try {
                o = o.allow(a.substring(colon + 1), a.substring(0, colon));
            } catch (IllegalArgumentException e) {
                throw usage("--allow " + a + ": " + e.getMessage());
            }
        }
        return o;
    }

    private ChangeSet changes(CliContext ctx) throws IOException {
        ChangeSetBuilder b = ChangeSet.builder().to(prefix());
        includes.forEach(b::include);
        excludes.forEach(b::exclude);
        paths.forEach(b::addPath);
        if (stdinPath != null) {
            b.addStdin(stdinPath, ctx.stdin());
        }
        return b.build();
    }

    private BitbucketClient client(CliContext ctx) {
        CredentialResolution r = resolution;
        BitbucketClient.Builder b = BitbucketClient.builder()
                .apiUrl(credentials.apiUrl(ctx))
                .credentials(new CredentialProvider() {
                    @Override
                    public String name() {
                        return "credential chain";
                    }

                    @Override
                    public ProviderOutcome resolve() {
                        return r.chosen()
                                .map(c -> ProviderOutcome.found(name(), c))
                                .orElseGet(() -> ProviderOutcome.failed(name(), r.failureMessage()));
                    }
                });
        credentials.oauthTokenUrl(ctx).ifPresent(b::oauthTokenUrl);
        return b.build();
    }

    /**
     * The doctor's explanation of a refusal (401, 403, 404) or of a request that got no answer; empty for other
     * failures, or when the failure came before a credential was resolved.
     */
    private Optional<Diagnosis> diagnose(RuntimeException e) {
        Throwable failure = e instanceof PullRequestFailedException && e.getCause() != null ? e.getCause() : e;
        boolean refusal = failure instanceof AuthenticationException
                || failure instanceof AccessDeniedException
                || failure instanceof NotFoundException;
        if (resolution == null || repository == null || !(refusal || failure instanceof TransportException)) {
            return Optional.empty();
        }
        try {
            DoctorContext ctx = DoctorContexts.from(spec, credentials, resolution)
                    .repository(repository)
                    .operations(
                            e instanceof PullRequestFailedException || prTitle != null
                                    ? EnumSet.of(Operation.PUSH, Operation.PULL_REQUEST)
                                    : EnumSet.of(Operation.PUSH))
                    .build();
            return Optional.of(
                    failure instanceof TransportException t
                            ? Doctor.explain(t, ctx)
                            : Doctor.explain((BitbucketApiException) failure, ctx));
        } catch (RuntimeException doctorFailure) {
            // The explanation is a bonus: the push's own failure is still reported (and mapped) as it is.
            return Optional.empty();
        }
    }

    private String doctorCommand() {
        return "bbpush auth doctor" + (repository == null ? "" : " --repo " + repository.fullName())
                + (prTitle == null ? "" : " --pr");
    }

    private static UsageException usage(String message) {
        return new UsageException(message);
    }

    /**
     * Hands values the user gave (options, the environment's API URL) to a library builder: a value it refuses is a
     * usage error with the builder's message, which names the value and what is wrong with it.
     */
    private static <T> T userValues(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private boolean verbose() {
        return spec.root().userObject() instanceof Main main && main.verbose;
    }
}
