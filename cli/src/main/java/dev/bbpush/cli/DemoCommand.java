package dev.bbpush.cli;

import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.emulator.Emulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bbpush demo}: a guided run of the real {@code push} command against an embedded emulator (world {@code
 * demo}, free port, temporary data). Each step runs {@code bbpush push} in-process through {@link Main#run} with the
 * emulator's credentials in an injected environment: the same code path a user's command takes. Leaves nothing
 * behind: the emulator is closed and the temporary directories are deleted. Exit 0 when every step behaved as shown.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Show bbpush end to end against a local Bitbucket Cloud emulator (nothing talks to bitbucket.org):",
            "  1. push the example Terraform module to a new branch and open a pull request;",
            "  2. push again: nothing to commit;",
            "  3. a terraform.tfstate holding a secret is refused before anything is sent (exit 5);",
            "  4. the same API token sent with the Bitbucket username is refused, and the doctor explains why (exit 3)."
        })
public final class DemoCommand implements Callable<Integer> {
    static final String EMAIL = "rahul@acme.example";
    static final String USERNAME = "rahul-dev";
    static final String BRANCH = "bbpush/demo-network";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--mcp",
            description =
                    "Show 'bbpush mcp' instead: an MCP client (as in an AI agent's host) drives the server over stdio.")
    boolean mcp;

    /** One step: what it shows, the command a user would type (secrets masked), the real arguments, the exit code. */
    private record Step(String title, String shown, List<String> args, Map<String, String> env, ExitCode expected) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // The embedded emulator logs each refusal at info on stderr; interleaved with the steps it only distracts,
        // since
        // each step prints bbpush's own explanation. (slf4j-simple reads this when the emulator's loggers are created.)
        // JVM-global on purpose: slf4j-simple levels are per logger name, so simplelogger.properties would also quiet
        // `bbpush emulator`, which must log refusals at info; `demo` is a one-shot process. A cleaner switch would be
        // an
        // Emulator.Builder option (emulator module).
        System.setProperty("org.slf4j.simpleLogger.log.dev.bbpush.emulator", "warn");
        Path work = Files.createTempDirectory("bbpush-demo-");
        if (mcp) {
            // The MCP client logs each step of the session at info; the demo prints what matters itself.
            System.setProperty("org.slf4j.simpleLogger.log.io.modelcontextprotocol", "warn");
        }
        try (Emulator bb = Emulator.builder().world("demo").port(0).start()) {
            return mcp ? new McpDemo(out, spec.commandLine().getErr()).run(bb, work) : run(bb, work, out);
        } finally {
            deleteTree(work);
            out.println();
            out.println("Demo finished: the emulator is stopped and its temporary files are deleted.");
            out.flush();
        }
    }

    private int run(Emulator bb, Path work, PrintWriter out) throws IOException {
        String token = bb.secret("rahul-api-token");
        Path module = DemoExample.extract(work.resolve("terraform"));
        Path state = writeState(work.resolve("state"));

        out.println("bbpush demo: a local Bitbucket Cloud emulator (world 'demo') is listening on " + bb.baseUrl());
        out.println("It plays Rahul pushing Terraform to acme/infra. Nothing here talks to bitbucket.org.");
        out.println();
        out.println("Every step runs with these settings (the emulator's demo API token, masked):");
        out.println("  export BBPUSH_API_URL=" + bb.apiUrl());
        out.println("  export BBPUSH_EMAIL=" + EMAIL);
        out.println("  export BBPUSH_API_TOKEN=" + Secret.mask(token));
        out.println("and in " + work + ", which holds terraform/ (the bundled example module) and state/.");
        out.flush();

        Map<String, String> env = Map.of(
                "BBPUSH_API_URL",
                bb.apiUrl(),
                "BBPUSH_EMAIL",
                EMAIL,
                "BBPUSH_API_TOKEN",
                token,
                "HOME",
                work.toString()); // no user config file: the demo's credentials only
        Map<String, String> withUsername = Map.of(
                "BBPUSH_API_URL",
                bb.apiUrl(),
                "BBPUSH_EMAIL",
                USERNAME,
                "BBPUSH_API_TOKEN",
                token,
                "HOME",
                work.toString());
        String m = module.toString();
        List<Step> steps = List.of(
                new Step(
                        "Push the example Terraform module to a new branch and open a pull request",
                        "bbpush push terraform --repo acme/infra --branch " + BRANCH
                                + " --to . --message 'Add the network module' --pr 'Add the network module'",
                        List.of(
                                "push",
                                m,
                                "--repo",
                                "acme/infra",
                                "--branch",
                                BRANCH,
                                "--to",
                                ".",
                                "--message",
                                "Add the network module",
                                "--pr",
                                "Add the network module"),
                        env,
                        ExitCode.OK),
                new Step(
                        "Push the same files again: nothing to commit, the pull request is reused",
                        "bbpush push terraform --repo acme/infra --branch " + BRANCH
                                + " --to . --pr 'Add the network module'",
                        List.of(
                                "push",
                                m,
                                "--repo",
                                "acme/infra",
                                "--branch",
                                BRANCH,
                                "--to",
                                ".",
                                "--pr",
                                "Add the network module"),
                        env,
                        ExitCode.OK),
                new Step(
                        "A Terraform state file holding a secret is refused before anything is sent",
                        "bbpush push state/terraform.tfstate --repo acme/infra --branch " + BRANCH,
                        List.of("push", state.toString(), "--repo", "acme/infra", "--branch", BRANCH),
                        env,
                        ExitCode.BLOCKED),
                new Step(
                        "Rahul edits variables.tf and sends the same API token with his Bitbucket username",
                        "BBPUSH_EMAIL=" + USERNAME + " bbpush push terraform --repo acme/infra --branch " + BRANCH,
                        List.of("push", m, "--repo", "acme/infra", "--branch", BRANCH),
                        withUsername,
                        ExitCode.AUTH));

        int n = 0;
        for (Step step : steps) {
            n++;
            if (n == 4) {
                Path vars = module.resolve("variables.tf");
                Files.writeString(vars, Files.readString(vars).replace("eu-west-1", "eu-central-1"));
            }
            out.println();
            out.println("== " + n + ". " + step.title());
            out.println("$ " + step.shown());
            out.flush();
            int code = Main.run(
                    step.args().toArray(String[]::new),
                    out,
                    out,
                    CliContext.of(spec).withEnvironment(Environment.of(step.env())));
            out.println("(exit code " + code + ")");
            out.flush();
            if (code != step.expected().code()) {
                spec.commandLine()
                        .getErr()
                        .println("bbpush demo: step " + n + " ended with exit code " + code + ", expected "
                                + step.expected().code() + ". Please report this with the output above.");
                spec.commandLine().getErr().flush();
                return ExitCode.UNEXPECTED.code();
            }
        }
        return ExitCode.OK.code();
    }

    /**
     * A state file as Terraform writes it, with an AWS access key id generated here (random, so it is not a real key
     * and no key-looking literal lives in the source).
     */
    private static Path writeState(Path dir) throws IOException {
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder keyId = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            keyId.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String json = """
        {
          "version": 4,
          "terraform_version": "1.9.0",
          "resources": [
            {
              "mode": "managed",
              "type": "aws_iam_access_key",
              "name": "deploy",
              "instances": [
                {
                  "attributes": {
                    "id": "%s",
                    "user": "deploy"
                  }
                }
              ]
            }
          ]
        }
        """.formatted(keyId);
        Path file = dir.resolve("terraform.tfstate");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        } catch (IOException e) {
            return;
        }
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // Best effort: a leftover file in the temp directory is harmless.
            }
        }
    }
}
