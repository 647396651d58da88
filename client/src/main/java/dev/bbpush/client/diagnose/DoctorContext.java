package dev.bbpush.client.diagnose;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.ResolvedCredentials;
import dev.bbpush.client.http.HttpListener;
import dev.bbpush.client.internal.ApiUrls;
import dev.bbpush.client.internal.BbpushVersion;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@link Doctor} examines and how far it may go: the API URL, the credential (with the story of where it came
 * from), the repository and operations to check, and the opt-in probes ({@link Builder#git(boolean) Git}, {@link
 * Builder#probeVariants(boolean) credential variants}, {@link Builder#checkUrl(URI) a URL a failing tool used}).
 * Immutable; build with {@link #builder()}.
 */
public final class DoctorContext {
    /** The most HTTP requests one run makes (including an OAuth token request). */
    public static final int MAX_REQUESTS = 8;

    private final URI apiUrl;
    private final Optional<CredentialResolution> resolution;
    private final Optional<ResolvedCredentials> credentials;
    private final Optional<RepositoryRef> repository;
    private final Set<Operation> operations;
    private final boolean git;
    private final Optional<URI> gitBaseUrl;
    private final boolean probeVariants;
    private final Optional<URI> checkUrl;
    private final Optional<String> email;
    private final Optional<URI> oauthTokenUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;
    private final String userAgent;
    private final HttpListener listener;

    private DoctorContext(Builder b) {
        this.apiUrl = b.apiUrl;
        this.resolution = Optional.ofNullable(b.resolution);
        this.credentials =
                Optional.ofNullable(b.credentials).or(() -> this.resolution.flatMap(CredentialResolution::chosen));
        this.repository = Optional.ofNullable(b.repository);
        this.operations = Set.copyOf(b.operations);
        this.git = b.git;
        this.gitBaseUrl = Optional.ofNullable(b.gitBaseUrl);
        this.probeVariants = b.probeVariants;
        this.checkUrl = Optional.ofNullable(b.checkUrl);
        this.email = Optional.ofNullable(b.email).filter(e -> !e.isBlank());
        this.oauthTokenUrl = Optional.ofNullable(b.oauthTokenUrl);
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.clock = b.clock;
        this.userAgent = b.userAgent;
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI apiUrl() {
        return apiUrl;
    }

    /** Every credential source's outcome, when the credential came from a chain. */
    public Optional<CredentialResolution> resolution() {
        return resolution;
    }

    /** The credential examined: the explicit one, else the resolution's chosen one. */
    public Optional<ResolvedCredentials> credentials() {
        return credentials;
    }

    public Optional<RepositoryRef> repository() {
        return repository;
    }

    /** The operations to check on the repository (default: push). */
    public Set<Operation> operations() {
        return operations;
    }

    public boolean git() {
        return git;
    }

    /**
     * Where Git smart HTTP lives: the explicit base URL, else the API URL's origin with a leading {@code api.} removed
     * ({@code https://api.bitbucket.org/2.0} → {@code https://bitbucket.org}; an emulator serves both on one origin).
     */
    public URI gitBaseUrl() {
        return gitBaseUrl.orElseGet(() -> {
            String host = apiUrl.getHost();
            String gitHost = host.startsWith("api.") ? host.substring(4) : host;
            return URI.create(
                    apiUrl.getScheme() + "://" + gitHost + (apiUrl.getPort() == -1 ? "" : ":" + apiUrl.getPort()));
        });
    }

    public boolean probeVariants() {
        return probeVariants;
    }

    public Optional<URI> checkUrl() {
        return checkUrl;
    }

    /** An Atlassian email known from the settings, used to try a token as Basic {@code email:token} (variants only). */
    public Optional<String> email() {
        return email;
    }

    public Optional<URI> oauthTokenUrl() {
        return oauthTokenUrl;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Clock clock() {
        return clock;
    }

    public String userAgent() {
        return userAgent;
    }

    public HttpListener listener() {
        return listener;
    }

    /** Builds a {@link DoctorContext}. */
    public static final class Builder {
        private URI apiUrl = BitbucketClient.DEFAULT_API_URL;
        private CredentialResolution resolution;
        private ResolvedCredentials credentials;
        private RepositoryRef repository;
        private Set<Operation> operations = EnumSet.of(Operation.PUSH);
        private boolean git;
        private URI gitBaseUrl;
        private boolean probeVariants;
        private URI checkUrl;
        private String email;
        private URI oauthTokenUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private String userAgent = "bbpush/" + BbpushVersion.get() + " (auth doctor)";
        private HttpListener listener = HttpListener.NONE;

        private Builder() {}

        /**
         * The REST base URL to examine (default {@code https://api.bitbucket.org/2.0}). A wrong one (no {@code /2.0}, a
         * Data Center {@code /rest/api/1.0} path, {@code bitbucket.org} without {@code api.}) is accepted: diagnosing it
         * is the doctor's job.
         *
         * @throws IllegalArgumentException if it is not an absolute http(s) URL, carries user info, or is plain http to a
         *     non-loopback host
         */
        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = ApiUrls.check(apiUrl);
            return this;
        }

        /** Same as {@link #apiUrl(URI)}. */
        public Builder apiUrl(String apiUrl) {
            return apiUrl(URI.create(Objects.requireNonNull(apiUrl, "apiUrl").strip()));
        }

        /** The credential chain's full story; its chosen credential is examined unless {@link #credentials} is set. */
        public Builder resolution(CredentialResolution resolution) {
            this.resolution = Objects.requireNonNull(resolution, "resolution");
            return this;
        }

        /** The credential to examine, with its source and repairs. */
        public Builder credentials(ResolvedCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** A credential set in code. */
        public Builder credentials(Credentials credentials) {
            return credentials(ResolvedCredentials.explicit(credentials));
        }

        public Builder repository(RepositoryRef repository) {
            this.repository = repository;
            return this;
        }

        /** The operations to check; default push. */
        public Builder operations(Set<Operation> operations) {
            if (Objects.requireNonNull(operations, "operations").isEmpty()) {
                throw new IllegalArgumentException("operations is empty");
            }
            this.operations = EnumSet.copyOf(operations);
            return this;
        }

        /** Also check Git smart HTTP ({@code GET info/refs?service=git-upload-pack}); needs a repository. */
        public Builder git(boolean git) {
            this.git = git;
            return this;
        }

        /** Where Git smart HTTP lives, when not derivable from the API URL. */
        public Builder gitBaseUrl(URI gitBaseUrl) {
            this.gitBaseUrl = ApiUrls.check(gitBaseUrl);
            return this;
        }

        /**
         * Also send the same secret in other forms (Basic instead of Bearer, another identity, Git instead of REST) to
         * pin the cause down. Off by default: those requests are refused by design and count against the rate limit.
         */
        public Builder probeVariants(boolean probeVariants) {
            this.probeVariants = probeVariants;
            return this;
        }

        /**
         * A URL a failing tool called (e.g. {@code https://api.bitbucket.org/2.0/workspaces}), fetched with GET and the
         * credential. Must be on the API URL's origin, so the credential never goes elsewhere.
         *
         * @throws IllegalArgumentException if it is on another origin than the API URL
         */
        public Builder checkUrl(URI checkUrl) {
            this.checkUrl = checkUrl;
            return this;
        }

        /** The Atlassian account email, if known, for the Bearer-to-Basic variant. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder oauthTokenUrl(URI oauthTokenUrl) {
            this.oauthTokenUrl = oauthTokenUrl == null ? null : ApiUrls.check(oauthTokenUrl);
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Default 30 s. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** Decides OAuth token expiry; default system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /** Observes the doctor's requests (headers redacted). */
        public Builder listener(HttpListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @throws IllegalArgumentException if {@link #checkUrl} is on another origin than the API URL
         */
        public DoctorContext build() {
            if (checkUrl != null && !sameOrigin(checkUrl, apiUrl)) {
                throw new IllegalArgumentException("the URL to check must be on the API URL's origin ("
                        + apiUrl.getScheme() + "://" + apiUrl.getAuthority()
                        + ") so the credential is never sent elsewhere; got " + checkUrl);
            }
            return new DoctorContext(this);
        }

        private static boolean sameOrigin(URI a, URI b) {
            return a.getScheme() != null
                    && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null
                    && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        }

        private static int port(URI u) {
            return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        }
    }

    /** A builder holding this context's settings, to derive a variant (another repository, other operations). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.apiUrl = apiUrl;
        b.resolution = resolution.orElse(null);
        b.credentials = credentials.orElse(null);
        b.repository = repository.orElse(null);
        b.operations = EnumSet.copyOf(operations);
        b.git = git;
        b.gitBaseUrl = gitBaseUrl.orElse(null);
        b.probeVariants = probeVariants;
        b.checkUrl = checkUrl.orElse(null);
        b.email = email.orElse(null);
        b.oauthTokenUrl = oauthTokenUrl.orElse(null);
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.clock = clock;
        b.userAgent = userAgent;
        b.listener = listener;
        return b;
    }
}
