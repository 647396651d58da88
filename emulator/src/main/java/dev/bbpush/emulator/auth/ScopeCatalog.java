package dev.bbpush.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The scopes each REST operation requires, read from Bitbucket's own OpenAPI document (a copy of
 * {@code /work/shared/reference/bitbucket-cloud-openapi.json} in this package's resources), never
 * retyped: {@code security[].oauth2} gives the classic scopes and {@code x-atlassian-oauth2-scopes[].scopes}
 * the fine-grained API-token scopes (reference: bitbucket-cloud-auth.md §4.4). Every listed scope is
 * required.
 *
 * <p>Immutable once loaded; {@link #bitbucket()} parses the document once per JVM.
 */
public final class ScopeCatalog {
    static final String RESOURCE = "/dev/bbpush/emulator/bitbucket-cloud-openapi.json";

    private final Map<String, Required> byOperation;

    ScopeCatalog(Map<String, Required> byOperation) {
        this.byOperation = Map.copyOf(byOperation);
    }

    /** The catalog of the vendored Bitbucket OpenAPI document. */
    public static ScopeCatalog bitbucket() {
        return Holder.INSTANCE;
    }

    /**
     * The scopes of one operation.
     *
     * @param method the HTTP method
     * @param template the OpenAPI path key, e.g. {@code /repositories/{workspace}/{repo_slug}}
     * @return empty when the document does not list the operation
     */
    public Optional<Required> required(String method, String template) {
        return Optional.ofNullable(byOperation.get(key(method, template)));
    }

    public int size() {
        return byOperation.size();
    }

    static ScopeCatalog parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, Required> out = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().isObject() || op.getKey().equals("parameters")) {
                    continue;
                }
                List<String> classic = new ArrayList<>();
                for (JsonNode sec : op.getValue().path("security")) {
                    sec.path("oauth2").forEach(s -> classic.add(s.asText()));
                }
                List<String> fine = new ArrayList<>();
                for (JsonNode x : op.getValue().path("x-atlassian-oauth2-scopes")) {
                    x.path("scopes").forEach(s -> fine.add(s.asText()));
                }
                out.put(key(op.getKey(), path.getKey()), new Required(classic, fine));
            }
        }
        return new ScopeCatalog(out);
    }

    private static String key(String method, String template) {
        return method.toUpperCase(Locale.ROOT) + " " + template;
    }

    /**
     * The scopes one operation requires, per family.
     *
     * @param classic OAuth 2.0 ("classic") scopes: OAuth, access tokens, app passwords
     * @param fineGrained API-token scopes ({@code read:repository:bitbucket}, ...)
     */
    public record Required(List<String> classic, List<String> fineGrained) {
        public Required {
            classic = List.copyOf(classic);
            fineGrained = List.copyOf(fineGrained);
        }

        /** The list for the credential's family. */
        public List<String> forFamily(boolean fineGrainedFamily) {
            return fineGrainedFamily ? fineGrained : classic;
        }
    }

    private static final class Holder {
        static final ScopeCatalog INSTANCE = load();

        private static ScopeCatalog load() {
            try (InputStream in = ScopeCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("OpenAPI document missing from the classpath: " + RESOURCE);
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
