package dev.bbpush.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialProvider;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.FixedCredentials;
import dev.bbpush.client.auth.GitCredentials;
import dev.bbpush.client.auth.OAuthClientCredentials;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.auth.ResolvedCredentials;
import dev.bbpush.client.auth.internal.ClientCredentialsAuthorizer;
import dev.bbpush.client.error.NoCredentialsException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.UnexpectedResponseException;
import dev.bbpush.client.http.ApiErrors;
import dev.bbpush.client.http.Authorizer;
import dev.bbpush.client.http.HttpListener;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.client.internal.ApiUrls;
import dev.bbpush.client.internal.BbpushVersion;
import dev.bbpush.client.internal.JsonBodies;
import dev.bbpush.client.internal.Messages;
import dev.bbpush.client.push.PushRequest;
import dev.bbpush.client.push.PushResult;
import dev.bbpush.client.push.Pusher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Bitbucket Cloud REST client: typed calls for what bbpush needs, and {@link #http()} for everything else.
 *
 * <pre>{@code
 * try (BitbucketClient bb = BitbucketClient.builder().build()) {   // credentials from the environment or config file
 *   Repository repo = bb.repository("acme", "infra");
 *   PushResult r = bb.push(PushRequest.builder().repository("acme", "infra").changes(changes).build());
 * }
 * }</pre>
 *
 * <p>One client holds one connection pool: create it once, share it between threads, close it when done. It never
 * prints; pass an {@link HttpListener} to observe requests, responses and retries (headers redacted).
 *
 * <p>Every typed call throws the same families (see {@link dev.bbpush.client.error.BbpushException}): a typed {@link
 * dev.bbpush.client.error.BitbucketApiException} when Bitbucket answers no, {@link
 * dev.bbpush.client.error.TransportException} when no answer arrived (after retries), and {@link
 * UnexpectedResponseException} when a success body is not what the API documents.
 */
public final class BitbucketClient implements AutoCloseable {
    /** {@code https://api.bitbucket.org/2.0}. */
    public static final URI DEFAULT_API_URL = URI.create("https://api.bitbucket.org/2.0");

    private final URI apiUrl;
    private final HttpTransport base;
    private final HttpTransport api;
    private final Optional<ResolvedCredentials> credentials;
    private final Authorizer authorizer;

    private BitbucketClient(Builder b, URI apiUrl, Optional<ResolvedCredentials> credentials) {
        this.apiUrl = apiUrl;
        this.credentials = credentials;
        this.base = HttpTransport.builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .userAgent(b.userAgent)
                .retryPolicy(b.retryPolicy)
                .listener(b.listener)
                .build();
        this.authorizer =
                credentials.map(r -> authorizerFor(r.credentials(), b)).orElse(Authorizer.NONE);
        this.api = base.withAuthorizer(authorizer, apiUrl);
    }

    public static Builder builder() {
        return new Builder();
    }

    private Authorizer authorizerFor(Credentials c, Builder b) {
        if (c instanceof FixedCredentials fixed) {
            return Authorizer.fixed(fixed);
        }
        OAuthClientCredentials o = (OAuthClientCredentials) c;
        URI tokenEndpoint = o.explicitTokenEndpoint()
                .or(() -> Optional.ofNullable(b.oauthTokenUrl))
                .orElseGet(() ->
                        ClientCredentialsAuthorizer.defaultTokenEndpoint(apiUrl, ApiUrls.isLoopback(apiUrl.getHost())));
        return new ClientCredentialsAuthorizer(o, ApiUrls.check(tokenEndpoint), base, b.clock);
    }

    /** The API base URL, without trailing slash, e.g. {@code https://api.bitbucket.org/2.0}. */
    public URI apiUrl() {
        return apiUrl;
    }

    /** The credential in use and where it came from; empty for an anonymous client. */
    public Optional<ResolvedCredentials> credentials() {
        return credentials;
    }

    /**
     * The username and password for Git smart HTTP with this client's credential (for OAuth client credentials, the
     * current access token, fetched if needed).
     *
     * @throws IllegalStateException if the client is anonymous
     */
    public GitCredentials gitCredentials() {
        Credentials c = credentials
                .orElseThrow(() -> new IllegalStateException("client has no credentials"))
                .credentials();
        if (c instanceof FixedCredentials f) {
            return new GitCredentials(f.gitUsername(), f.gitPassword());
        }
        return new GitCredentials(c.gitUsername(), ((ClientCredentialsAuthorizer) authorizer).currentToken());
    }

    /**
     * The transport, for requests the typed methods do not cover (e.g. the multipart {@code POST /src} with a streamed
     * entity, or the doctor's raw probes). It adds this client's {@code Authorization} to requests for the API origin,
     * retries retry-safe requests, and reports to the listener. {@link HttpTransport#exchange(Request)} returns any
     * status as data; {@link HttpTransport#send(Request)} throws typed exceptions for non-2xx. Do not close it: it
     * belongs to this client.
     */
    public HttpTransport http() {
        return api;
    }

    /**
     * An API URL from path segments, each percent-encoded: {@code endpoint("repositories", "acme", "infra")} →
     * {@code <apiUrl>/repositories/acme/infra}. A segment containing {@code /} is encoded as {@code %2F}; pass a branch
     * name's parts as separate segments to keep its slashes (Bitbucket takes them unescaped, reference:
     * bitbucket-cloud-rest.md §5.2).
     */
    public URI endpoint(String... segments) {
        return ApiUrls.endpoint(apiUrl, segments);
    }

    /**
     * {@code GET /2.0/repositories/{workspace}/{repo}}: the repository's full name, main branch, privacy and UUID.
     * Retry-safe (retried automatically on 429/5xx/connection failures).
     *
     * @throws NotFoundException if it does not exist or this credential cannot see it
     * @throws dev.bbpush.client.error.AuthenticationException if the credential is refused
     * @throws dev.bbpush.client.error.BitbucketApiException for other refusals
     * @throws dev.bbpush.client.error.TransportException if no response arrived
     */
    public Repository repository(String workspace, String repo) {
        requireName(workspace, "workspace");
        requireName(repo, "repo");
        Response r =
                api.send(Request.get(endpoint("repositories", workspace, repo)).build());
        JsonNode json = json(r);
        String fullName = required(r, json, "full_name");
        String main = json.path("mainbranch").path("name").asText("");
        return new Repository(
                fullName,
                main.isEmpty() ? Optional.empty() : Optional.of(main),
                json.path("is_private").asBoolean(false),
                json.path("uuid").asText(""));
    }

    /**
     * {@code GET /2.0/repositories/{workspace}/{repo}/refs/branches/{name}}: the branch and its head commit, or empty
     * when the repository exists but the branch does not. Retry-safe.
     *
     * @throws NotFoundException if the repository itself does not exist or this credential cannot see it (checked with
     *     one extra {@code GET} of the repository when the branch answer is 404)
     * @throws dev.bbpush.client.error.BitbucketApiException for other refusals
     * @throws dev.bbpush.client.error.TransportException if no response arrived
     */
    public Optional<Branch> branch(String workspace, String repo, String name) {
        requireName(workspace, "workspace");
        requireName(repo, "repo");
        requireName(name, "name");
        Response r = api.exchange(Request.get(branchUri(workspace, repo, name)).build());
        if (r.status() == 404) {
            repository(workspace, repo); // throws NotFoundException when the repository is the missing part
            return Optional.empty();
        }
        if (!r.isSuccessful()) {
            throw ApiErrors.toException(r, api.retryPolicy().clock(), authorizer.credentials());
        }
        return Optional.of(branchOf(r, json(r)));
    }

    /**
     * {@code POST /2.0/repositories/{workspace}/{repo}/refs/branches}: creates branch {@code name} at
     * {@code targetHash}. <b>Not retried automatically</b> (a POST): after a {@link
     * dev.bbpush.client.error.TransportException} whose {@code mayHaveReachedServer()} is true, call {@link #branch}
     * to see whether it was created.
     *
     * @return the created branch
     * @throws dev.bbpush.client.error.ConflictException if the branch already exists
     * @throws NotFoundException if the repository or the target commit does not exist
     * @throws dev.bbpush.client.error.BitbucketApiException for other refusals (e.g. 403 without write access)
     * @throws dev.bbpush.client.error.TransportException if no response arrived
     */
    public Branch createBranch(String workspace, String repo, String name, String targetHash) {
        requireName(workspace, "workspace");
        requireName(repo, "repo");
        requireName(name, "name");
        requireName(targetHash, "targetHash");
        // A node factory, not an ObjectMapper: building a mapper costs ~300 classes at start-up (docs/benchmarks.md).
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", name);
        body.putObject("target").put("hash", targetHash);
        Response r = api.send(
                Request.postJson(endpoint("repositories", workspace, repo, "refs", "branches"), body.toString())
                        .build());
        return branchOf(r, json(r));
    }

    /**
     * {@code GET /2.0/user}: the account this credential acts as. Retry-safe. Access tokens get 403 here ("not
     * accessible by this authentication mechanism", reference: bitbucket-cloud-auth.md §2.4).
     *
     * @throws dev.bbpush.client.error.AuthenticationException if the credential is refused
     * @throws dev.bbpush.client.error.AccessDeniedException if the credential type cannot use this endpoint
     * @throws dev.bbpush.client.error.TransportException if no response arrived
     */
    public User currentUser() {
        Response r = api.send(Request.get(endpoint("user")).build());
        JsonNode json = json(r);
        return new User(
                json.path("type").asText("user"),
                required(r, json, "uuid"),
                json.path("account_id").asText(""),
                json.path("display_name").asText(""),
                json.path("nickname").asText(""));
    }

    /**
     * Pushes a change set as one commit, exactly once, and optionally opens a pull request: the library's main call.
     * Same as {@code new Pusher(this).push(request)}; see {@link Pusher#push(PushRequest)} for what it throws. Safe to
     * call from several threads; the change set is not closed.
     */
    public PushResult push(PushRequest request) {
        return new Pusher(this).push(request);
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        base.close();
    }

    @Override
    public String toString() {
        return "BitbucketClient[" + apiUrl + ", "
                + credentials
                        .map(c -> c.credentials().describe() + " from "
                                + c.source().describe())
                        .orElse("anonymous")
                + "]";
    }

    private URI branchUri(String workspace, String repo, String name) {
        String[] parts = name.split("/", -1);
        String[] segments = new String[5 + parts.length];
        segments[0] = "repositories";
        segments[1] = workspace;
        segments[2] = repo;
        segments[3] = "refs";
        segments[4] = "branches";
        System.arraycopy(parts, 0, segments, 5, parts.length);
        return endpoint(segments);
    }

    private static Branch branchOf(Response r, JsonNode json) {
        return new Branch(required(r, json, "name"), required(r, json.path("target"), "hash"));
    }

    private static JsonNode json(Response r) {
        return JsonBodies.object(r);
    }

    private static String required(Response r, JsonNode json, String field) {
        String v = json.path(field).asText("");
        if (v.isEmpty()) {
            throw new UnexpectedResponseException(
                    Messages.unexpectedBody(r.method(), r.uri(), r.status(), "the body has no '" + field + "'"),
                    r.status());
        }
        return v;
    }

    private static void requireName(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }

    /** Builds a {@link BitbucketClient}. */
    public static final class Builder {
        private URI apiUrl = DEFAULT_API_URL;
        private CredentialProvider credentialProvider;
        private boolean anonymous;
        private Environment environment = Environment.system();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private String userAgent = "bbpush/" + BbpushVersion.get();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpListener listener = HttpListener.NONE;
        private URI oauthTokenUrl;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The REST base URL. Default {@code https://api.bitbucket.org/2.0}. Must be https, except for loopback hosts
         * (127.0.0.0/8, ::1, localhost), e.g. a local emulator.
         *
         * @throws IllegalArgumentException if it is not an absolute http(s) URL, carries user info, or is plain http to a
         *     non-loopback host (the message names the fix)
         */
        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = ApiUrls.check(apiUrl);
            return this;
        }

        /** Same as {@link #apiUrl(URI)}. */
        public Builder apiUrl(String apiUrl) {
            Objects.requireNonNull(apiUrl, "apiUrl");
            try {
                return apiUrl(URI.create(apiUrl.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        e.getMessage().startsWith("API URL") || e.getMessage().startsWith("apiUrl")
                                ? e.getMessage()
                                : "apiUrl is not a valid URL: " + apiUrl,
                        e);
            }
        }

        /**
         * A fixed credential, instead of the default chain. Without any {@code credentials(...)} call, {@link #build()}
         * resolves {@link CredentialChain#standard(Environment)}.
         */
        public Builder credentials(Credentials credentials) {
            this.credentialProvider = CredentialProvider.of(credentials);
            this.anonymous = false;
            return this;
        }

        /**
         * A credential source (e.g. {@link CredentialChain#standard(dev.bbpush.client.auth.CredentialFlags, Environment,
         * java.io.InputStream)} with flags and stdin, as the CLI does), consulted once by {@link #build()}, instead of the
         * default chain.
         */
        public Builder credentials(CredentialProvider provider) {
            this.credentialProvider = Objects.requireNonNull(provider, "provider");
            this.anonymous = false;
            return this;
        }

        /**
         * No credentials at all: requests carry no {@code Authorization} (public repositories only). Replaces an earlier
         * {@code credentials(...)} call and the default chain.
         */
        public Builder anonymous() {
            this.credentialProvider = null;
            this.anonymous = true;
            return this;
        }

        /**
         * The environment the default chain reads ({@code BBPUSH_*} variables, and {@code XDG_CONFIG_HOME}/{@code HOME}
         * to find the config file). Default {@link Environment#system()}; ignored when credentials were set or {@link
         * #anonymous()} was called.
         */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Longest silence while waiting for response bytes. Default 60 s. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** Default {@code bbpush/<version>}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /** Default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Receives request, response and retry events (headers redacted). Default: none. */
        public Builder listener(HttpListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The OAuth token endpoint for {@link OAuthClientCredentials} without one of their own. Default: the API URL's
         * origin + {@code /site/oauth2/access_token} when the API URL is loopback (an emulator), else
         * {@code https://bitbucket.org/site/oauth2/access_token}.
         */
        public Builder oauthTokenUrl(URI oauthTokenUrl) {
            this.oauthTokenUrl = ApiUrls.check(oauthTokenUrl);
            return this;
        }

        /** The clock that decides when OAuth tokens are renewed. Default: system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Resolves the credentials and builds the client. The credentials are, in order: those set with {@code
         * credentials(...)}; none after {@link #anonymous()}; otherwise the default chain {@link
         * CredentialChain#standard(Environment)}: {@code BBPUSH_*} (and {@code BITBUCKET_*}/{@code ATLASSIAN_*})
         * environment variables, then the config file ({@code $XDG_CONFIG_HOME/bbpush/config} or {@code
         * ~/.config/bbpush/config}). The default chain never reads standard input.
         *
         * @throws NoCredentialsException if no usable credential was found; the message tells every source's outcome
         *     and what to set
         */
        public BitbucketClient build() {
            Optional<ResolvedCredentials> resolved = Optional.empty();
            CredentialProvider provider = credentialProvider != null || anonymous
                    ? credentialProvider
                    : CredentialChain.standard(environment);
            if (provider != null) {
                ProviderOutcome o = provider.resolve();
                resolved = Optional.of(o.resolved().orElseThrow(() -> new NoCredentialsException(o.reason())));
            }
            return new BitbucketClient(this, apiUrl, resolved);
        }
    }
}
