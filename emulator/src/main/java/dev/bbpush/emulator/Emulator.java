package dev.bbpush.emulator;

import dev.bbpush.emulator.api.ApiRoutes;
import dev.bbpush.emulator.auth.AccessControl;
import dev.bbpush.emulator.auth.OAuthServlet;
import dev.bbpush.emulator.control.ControlServlet;
import dev.bbpush.emulator.control.Faults;
import dev.bbpush.emulator.control.Journal;
import dev.bbpush.emulator.control.TrafficFilter;
import dev.bbpush.emulator.git.GitEndpoint;
import dev.bbpush.emulator.http.ApiServlet;
import dev.bbpush.emulator.http.DefaultContentType;
import dev.bbpush.emulator.http.JsonErrorHandler;
import dev.bbpush.emulator.store.RepoStore;
import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.World;
import dev.bbpush.emulator.world.WorldLoader;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running local Bitbucket Cloud: REST under {@code /2.0}, Git smart HTTP at {@code /{ws}/{repo}.git}
 * and the control API under {@code /_emulator/}.
 *
 * <pre>{@code
 * try (Emulator bb = Emulator.builder().world(WorldLoader.builtIn("demo")).start()) {
 *   String api = bb.apiUrl();                  // http://127.0.0.1:<port>/2.0
 *   String token = bb.secret("rahul-api-token");
 * }
 * }</pre>
 *
 * <p>Closing it stops the server and deletes its data directory unless one was given.
 */
public final class Emulator implements AutoCloseable {
    /** Multipart parts above this size are spooled to disk (see java-stack-notes.md on thresholds). */
    static final int PART_MEMORY_THRESHOLD = 16 * 1024;

    private final Server server;
    private final EmulatorContext ctx;
    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private final String host;
    private final Journal journal = new Journal();
    private final Faults faults = new Faults();

    private Emulator(Server server, EmulatorContext ctx, Path dataDir, boolean deleteDataOnClose, String host) {
        this.server = server;
        this.ctx = ctx;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
        this.host = host;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts an emulator of {@code world} on a free loopback port with a temporary data directory. */
    public static Emulator start(World world) {
        return builder().world(world).start();
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}: the web and Git origin. */
    public URI baseUrl() {
        return URI.create("http://" + host + ":" + port());
    }

    /** {@code http://127.0.0.1:<port>/2.0}: what clients use in place of {@code https://api.bitbucket.org/2.0}. */
    public String apiUrl() {
        return baseUrl() + "/2.0";
    }

    /** The HTTPS clone URL's emulator equivalent, {@code http://127.0.0.1:<port>/ws/repo.git}. */
    public String gitUrl(String workspace, String repo) {
        return baseUrl() + "/" + workspace + "/" + repo + ".git";
    }

    public World world() {
        return ctx.world();
    }

    public EmulatorContext context() {
        return ctx;
    }

    public EmulatorClock clock() {
        return ctx.clock();
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The request journal ({@code GET /_emulator/requests}): the last 1000 REST and Git requests, secrets masked.
     * Wait for a request with {@link Journal#takeRequest(java.time.Duration)} or
     * {@link Journal#await(java.util.function.Predicate, java.time.Duration)} rather than sleeping: both return once the
     * emulator has finished with the request, side effects included.
     */
    public Journal journal() {
        return journal;
    }

    /**
     * The scripted faults ({@code POST /_emulator/faults}); add them typed, e.g.
     * {@code faults().add(Fault.on("POST", "/src$").times(1).respond(503))}, or from their JSON form with
     * {@code faults().add(json)}.
     */
    public Faults faults() {
        return faults;
    }

    /**
     * The secret of a world credential, for tests and the demo.
     *
     * @throws IllegalArgumentException if the world has no credential of that name
     */
    public String secret(String credentialName) {
        return credential(credentialName).secret();
    }

    public Credential credential(String credentialName) {
        return ctx.world()
                .credential(credentialName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "world " + ctx.world().name() + " has no credential " + credentialName));
    }

    /**
     * Back to the world's initial state: repositories re-seeded, pull requests gone, clock back to system
     * time (or the world's start time), issued OAuth tokens and rate-limit counts forgotten, journal and
     * faults cleared (requests held by a hold fault are released first). {@code POST /_emulator/reset} calls this.
     */
    public void reset() {
        // Held requests are let go first: the reset waits for them, and they would otherwise wait for a release.
        faults.clear();
        // Waits for in-flight REST and Git requests, and holds new ones until the world is whole again.
        ctx.store().exclusively(() -> {
            ctx.store().reset(ctx.world());
            ctx.pullRequests().clear();
            ctx.clock().reset();
            ctx.access().reset();
            if (ctx.world().settings().startTime() != null) {
                ctx.clock().set(ctx.world().settings().startTime());
            }
            journal.clear();
            faults.clear();
        });
    }

    @Override
    public void close() {
        faults.clear(); // no request stays held: stopping waits for in-flight requests
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort; the data directory is still removed below.
        }
        ctx.store().close();
        if (deleteDataOnClose) {
            RepoStore.deleteTree(dataDir);
            try {
                Files.deleteIfExists(dataDir);
            } catch (IOException e) {
                // A leftover empty temp directory is harmless.
            }
        }
    }

    /** Configures and starts an {@link Emulator}. */
    public static final class Builder {
        private World world;
        private String bind = "127.0.0.1";
        private int port;
        private Path dataDir;
        private EmulatorClock clock = new EmulatorClock();

        public Builder world(World world) {
            this.world = Objects.requireNonNull(world, "world");
            return this;
        }

        /** A built-in world name ({@code demo}) or a world file path. */
        public Builder world(String nameOrPath) {
            return world(WorldLoader.load(nameOrPath));
        }

        /** The address to bind; default {@code 127.0.0.1}. */
        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Keep repositories in this directory across runs; by default a temporary one is used and deleted on close. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder clock(EmulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Seeds the repositories and starts serving.
         *
         * @throws IllegalStateException if the port cannot be bound or the data directory cannot be used
         */
        public Emulator start() {
            if (world == null) {
                world = WorldLoader.builtIn("demo");
            }
            boolean temp = dataDir == null;
            Path dir;
            try {
                dir = temp ? Files.createTempDirectory("bbpush-emulator-") : Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
            }
            RepoStore store = new RepoStore(dir.resolve("repositories"));
            // Anything failing from here on (seeding, access rules, binding) must not leak the store or the temp
            // directory.
            try {
                store.seed(world);
                if (world.settings().startTime() != null) {
                    clock.set(world.settings().startTime());
                }
                EmulatorContext ctx = new EmulatorContext(world, store, clock);
                ctx.access(new AccessControl(ctx));

                QueuedThreadPool threads = new QueuedThreadPool(64, 4);
                threads.setName("bb-emulator");
                threads.setDaemon(true);
                Server server = new Server(threads);
                HttpConfiguration http = new HttpConfiguration();
                // Real clients send branch names and paths with %2F; Jetty refuses those by default.
                http.setUriCompliance(UriCompliance.from("DEFAULT,AMBIGUOUS_PATH_SEPARATOR,AMBIGUOUS_PATH_ENCODING"));
                http.setSendServerVersion(false);
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(bind);
                connector.setPort(port);
                server.addConnector(connector);

                ServletContextHandler context = new ServletContextHandler("/");
                context.getServletHandler().setDecodeAmbiguousURIs(true);
                // Jetty's maxFormKeys also caps multipart parts (1000 by default): /src takes 10,000+ files.
                context.setMaxFormKeys(1_000_000);
                context.setMaxFormContentSize(256 * 1024 * 1024);
                Path spool = store.spoolDirectory();
                try {
                    Files.createDirectories(spool);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Emulator emulator = new Emulator(server, ctx, dir, temp, bind.equals("0.0.0.0") ? "127.0.0.1" : bind);
                // Faults and the journal wrap everything; the filter itself skips /_emulator/.
                context.addFilter(
                        new FilterHolder(new TrafficFilter(ctx, emulator.journal, emulator.faults)),
                        "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                ServletHolder api = new ServletHolder("api", new ApiServlet(ctx, ApiRoutes.build(ctx)));
                api.getRegistration()
                        .setMultipartConfig(
                                new MultipartConfigElement(spool.toString(), -1, -1, PART_MEMORY_THRESHOLD));
                context.addServlet(api, "/2.0/*");
                context.addServlet(new ServletHolder("oauth", new OAuthServlet(ctx)), "/site/oauth2/*");
                context.addServlet(
                        new ServletHolder(
                                "control", new ControlServlet(ctx, emulator.journal, emulator.faults, emulator::reset)),
                        "/_emulator/*");
                GitEndpoint.install(context, ctx);
                // Bitbucket's JSON envelope instead of Jetty's HTML error pages, which would name exceptions.
                server.setErrorHandler(new JsonErrorHandler());
                context.setErrorHandler(new JsonErrorHandler());
                // Every response leaves with a Content-Type, whichever servlet, filter or error page wrote it.
                server.setHandler(new DefaultContentType(context));
                server.setStopTimeout(2000);
                try {
                    server.start();
                } catch (Exception e) {
                    try {
                        server.stop();
                    } catch (Exception ignored) {
                        // already failing
                    }
                    throw new IllegalStateException(
                            "cannot start the emulator on " + bind + ":" + port + ": " + e.getMessage(), e);
                }
                return emulator;
            } catch (RuntimeException | Error e) {
                store.close();
                if (temp) {
                    RepoStore.deleteTree(dir);
                    try {
                        Files.deleteIfExists(dir);
                    } catch (IOException ignored) {
                        // A leftover empty temp directory is harmless.
                    }
                }
                throw e;
            }
        }
    }
}
