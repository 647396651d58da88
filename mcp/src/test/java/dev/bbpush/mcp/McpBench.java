package dev.bbpush.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.ChangeSetBuilder;
import dev.bbpush.client.changes.FileMode;
import dev.bbpush.client.push.PushRequest;
import dev.bbpush.client.push.PushResult;
import dev.bbpush.client.push.Pusher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * MCP timings for {@code bench/mcp.sh} (not a test), against an emulator at {@code API_URL}:
 *
 * <ol>
 *   <li><b>cold start</b>: {@code java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar JAR mcp} (what {@code
 *       bin/bbpush mcp} runs) started fresh {@code STARTS} times; the time from process start to the {@code tools/list}
 *       answer (initialize, initialized and tools/list are written at once, as a host does). Each start follows a
 *       {@code --version} run of the same jar (the CLI's own cold start), the baseline measured in the same run;
 *   <li><b>push_files of 100 inline files</b> through one running server (warm) vs the same push through the library
 *       ({@link Pusher}, in this JVM, warm), interleaved, {@code RUNS} each after {@code WARMUP} discarded runs; each
 *       push sends fresh content to its own new branch, so every push commits 100 files.
 * </ol>
 *
 * <p>Usage: {@code McpBench API_URL EMAIL JAR STARTS WARMUP RUNS}; the API token comes from {@code BBPUSH_API_TOKEN}.
 */
public final class McpBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Random RANDOM = new Random(42);

    private McpBench() {}

    public static void main(String[] args) throws Exception {
        String apiUrl = args[0];
        String email = args[1];
        String jar = args[2];
        int starts = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        String token = System.getenv("BBPUSH_API_TOKEN");

        System.out.println("-- cold start to the tools/list answer, interleaved with `--version` as the baseline (ms)");
        List<Long> cold = new ArrayList<>();
        List<Long> version = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            long t0 = System.nanoTime();
            Process v = new ProcessBuilder(
                            "java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, "--version")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            v.waitFor();
            version.add((System.nanoTime() - t0) / 1_000_000);
            try (Server s = new Server(jar, apiUrl, email, token)) {
                cold.add(s.startMillis);
            }
        }
        System.out.println("bbpush --version: " + version + "  median: " + median(version) + " ms");
        System.out.println("bbpush mcp to tools/list: " + cold + "  median: " + median(cold) + " ms");

        System.out.println("-- push_files, 100 inline files, fresh content, new branch each (ms)");
        List<Long> lib = new ArrayList<>();
        List<Long> mcp = new ArrayList<>();
        try (Server s = new Server(jar, apiUrl, email, token);
                BitbucketClient client = BitbucketClient.builder()
                        .apiUrl(apiUrl)
                        .credentials(Credentials.apiToken(email, token))
                        .build()) {
            Pusher pusher = new Pusher(client);
            for (int i = 0; i < warmup + runs; i++) {
                List<Map<String, Object>> files = files();
                long t0 = System.nanoTime();
                ChangeSetBuilder b = ChangeSet.builder();
                for (Map<String, Object> f : files) {
                    b.addBytes(
                            (String) f.get("path"),
                            ((String) f.get("text")).getBytes(StandardCharsets.UTF_8),
                            FileMode.REGULAR);
                }
                PushResult r;
                try (ChangeSet cs = b.build()) {
                    r = pusher.push(PushRequest.builder()
                            .repository("acme", "infra")
                            .changes(cs)
                            .branch("bench/mcp-lib-" + i)
                            .message("bench lib " + i)
                            .build());
                }
                long libMs = (System.nanoTime() - t0) / 1_000_000;
                List<Map<String, Object>> files2 = files();
                long t1 = System.nanoTime();
                JsonNode answer = s.call(
                        "push_files",
                        Map.of(
                                "repository",
                                "acme/infra",
                                "branch",
                                "bench/mcp-mcp-" + i,
                                "message",
                                "bench mcp " + i,
                                "files",
                                files2));
                long mcpMs = (System.nanoTime() - t1) / 1_000_000;
                String status = answer.path("result")
                        .path("structuredContent")
                        .path("status")
                        .asText();
                if (!"committed".equals(r.status().wireName()) || !"committed".equals(status)) {
                    throw new IllegalStateException(
                            "run " + i + ": library " + r.status().wireName() + ", mcp " + answer);
                }
                System.out.printf(
                        Locale.ROOT,
                        "%s run %d: library %d ms, mcp %d ms%n",
                        i < warmup ? "warm-up" : "measured",
                        i,
                        libMs,
                        mcpMs);
                if (i >= warmup) {
                    lib.add(libMs);
                    mcp.add(mcpMs);
                }
            }
        }
        double ratio = (double) median(mcp) / median(lib);
        System.out.printf(
                Locale.ROOT, "library median %d ms, mcp median %d ms, ratio %.2fx%n", median(lib), median(mcp), ratio);
    }

    /** 100 Terraform-like files of about 2 KiB with fresh content (a random id per line). */
    private static List<Map<String, Object>> files() {
        List<Map<String, Object>> files = new ArrayList<>();
        for (int f = 0; f < 100; f++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 40; line++) {
                byte[] id = new byte[8];
                RANDOM.nextBytes(id);
                text.append("# resource ")
                        .append(line)
                        .append(" id ")
                        .append(HexFormat.of().formatHex(id))
                        .append('\n');
            }
            files.add(Map.of("path", "bench/mod" + (f % 10) + "/file" + f + ".tf", "text", text.toString()));
        }
        return files;
    }

    private static long median(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** {@code bbpush mcp} in a fresh JVM, spoken to with raw JSON-RPC lines. */
    private static final class Server implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final OutputStream in;
        final long startMillis;
        int nextId = 3;

        Server(String jar, String apiUrl, String email, String token) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(
                            "java",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-jar",
                            jar,
                            "mcp",
                            "--allow-repo",
                            "acme/infra")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("BBPUSH_API_URL", apiUrl);
            pb.environment().put("BBPUSH_EMAIL", email);
            pb.environment().put("BBPUSH_API_TOKEN", token);
            long t0 = System.nanoTime();
            process = pb.start();
            in = process.getOutputStream();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            send(Map.of(
                    "jsonrpc",
                    "2.0",
                    "id",
                    1,
                    "method",
                    "initialize",
                    "params",
                    Map.of(
                            "protocolVersion",
                            "2025-06-18",
                            "capabilities",
                            Map.of(),
                            "clientInfo",
                            Map.of("name", "bench", "version", "1"))));
            send(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
            send(Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/list"));
            JsonNode list = until(2);
            startMillis = (System.nanoTime() - t0) / 1_000_000;
            if (list.path("result").path("tools").size() != 7) {
                throw new IllegalStateException("tools/list: " + list);
            }
        }

        JsonNode call(String tool, Map<String, Object> arguments) throws Exception {
            int id = nextId++;
            send(Map.of(
                    "jsonrpc",
                    "2.0",
                    "id",
                    id,
                    "method",
                    "tools/call",
                    "params",
                    Map.of("name", tool, "arguments", arguments)));
            return until(id);
        }

        private void send(Object message) throws Exception {
            in.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        private JsonNode until(int id) throws Exception {
            while (true) {
                String line = out.readLine();
                if (line == null) {
                    throw new IllegalStateException("the server closed stdout");
                }
                JsonNode m = JSON.readTree(line);
                if (m.path("id").asInt(-1) == id) {
                    return m;
                }
            }
        }

        @Override
        public void close() throws Exception {
            in.close();
            process.waitFor();
        }
    }
}
