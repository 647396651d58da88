package dev.bbpush.mcp.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.diagnose.AuthStatus;
import dev.bbpush.client.diagnose.CredentialInfo;
import dev.bbpush.client.diagnose.Doctor;
import dev.bbpush.client.diagnose.DoctorContext;
import dev.bbpush.client.diagnose.Operation;
import dev.bbpush.client.diagnose.RepositoryRef;
import dev.bbpush.client.json.DiagnosisJson;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code auth_status} and {@code auth_doctor}: the same engine as {@code bbpush auth status} and {@code bbpush auth
 * doctor} ({@link AuthStatus#check}, {@link Doctor#diagnose}) on the server's credential chain, with the same cause
 * ids. Only GET requests; secrets appear masked.
 */
final class AuthTools {
    private final Connection connection;
    private final WritePolicy policy;

    AuthTools(Connection connection, WritePolicy policy) {
        this.connection = connection;
        this.policy = policy;
    }

    /**
     * {@code {ok, sources: [...], credential: {kind, source, masked, identity}, verdict: <diagnosis>, bitbucket:
     * {credentialType, scopes, account, expiry}, repositories: [{repository, writable, push, pullRequest}], server:
     * {readOnly, writable, allow, roots}}}.
     */
    ObjectNode status(Arguments a, Call call) {
        List<RepositoryRef> repos = new ArrayList<>();
        for (String r : a.strings("repositories")) {
            repos.add(Tools.parseRepository(a, "repositories", r));
        }
        AuthStatus.Report r =
                AuthStatus.check(connection.doctor(connection.resolve()).build(), repos);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ok", r.ok());
        ArrayNode sources = o.putArray("sources");
        for (ProviderOutcome s : r.sources()) {
            ObjectNode n = sources.addObject();
            n.put("provider", s.provider());
            n.put("status", s.status().name().toLowerCase(Locale.ROOT));
            n.put("reason", s.reason());
            ArrayNode notes = n.putArray("notes");
            s.notes().forEach(notes::add);
        }
        CredentialInfo c = r.credential().credential();
        ObjectNode credential = o.putObject("credential");
        credential.put("kind", c.kind());
        credential.put("source", c.source());
        credential.put("masked", c.masked());
        credential.put("identity", c.identity());
        o.set("verdict", DiagnosisJson.of(r.credential()));
        AuthStatus.ServerView s = r.server();
        ObjectNode bitbucket = o.putObject("bitbucket");
        bitbucket.put("credentialType", s.credentialType().orElse(null));
        if (s.scopes().isPresent()) {
            ArrayNode scopes = bitbucket.putArray("scopes");
            s.scopes().get().forEach(scopes::add);
        } else {
            bitbucket.putNull("scopes");
        }
        if (s.account().isPresent()) {
            AuthStatus.Account acc = s.account().get();
            ObjectNode account = bitbucket.putObject("account");
            account.put("username", acc.username());
            account.put("displayName", acc.displayName());
            account.put("email", acc.email().orElse(null));
            account.put("appUser", acc.appUser());
        } else {
            bitbucket.putNull("account");
        }
        bitbucket.put("expiry", s.expiry().map(Object::toString).orElse(null));
        ArrayNode repositories = o.putArray("repositories");
        for (AuthStatus.RepositoryStatus rs : r.repositories()) {
            ObjectNode n = repositories.addObject();
            n.put("repository", rs.repository().fullName());
            n.put("writableByServer", policy.writable(rs.repository()));
            n.set("push", DiagnosisJson.of(rs.push()));
            n.set("pullRequest", DiagnosisJson.of(rs.pullRequest()));
        }
        o.set("server", policy.describe());
        return o;
    }

    /** The diagnosis, as {@code bbpush auth doctor --json} prints it. {@code ok: false} is an answer, not an error. */
    ObjectNode doctor(Arguments a, Call call) {
        DoctorContext.Builder b = connection
                .doctor(connection.resolve())
                .git(a.bool("git", false))
                .probeVariants(a.bool("probeVariants", false))
                .operations(
                        a.bool("pullRequests", false)
                                ? EnumSet.of(Operation.PUSH, Operation.PULL_REQUEST)
                                : EnumSet.of(Operation.PUSH));
        if (a.has("repository")) {
            b.repository(Tools.repository(a));
        }
        if (a.has("url")) {
            String url = a.requiredString("url", "\"https://api.bitbucket.org/2.0/workspaces\"")
                    .strip();
            try {
                b.checkUrl(URI.create(url));
            } catch (IllegalArgumentException e) {
                throw a.invalid("'url' is not a URL", "Pass the full URL the failing tool called, on the API host.");
            }
        }
        DoctorContext ctx;
        try {
            ctx = b.build();
        } catch (IllegalArgumentException e) {
            throw a.invalid(e.getMessage(), "Pass a URL on the API host (BBPUSH_API_URL's origin).");
        }
        return DiagnosisJson.of(Doctor.diagnose(ctx));
    }
}
