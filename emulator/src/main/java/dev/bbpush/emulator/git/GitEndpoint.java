package dev.bbpush.emulator.git;

import dev.bbpush.emulator.EmulatorContext;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jgit.http.server.GitServlet;

/**
 * Git smart HTTP at {@code /{ws}/{repo}.git}: JGit's {@code GitServlet} behind {@link GitAccessFilter}, mapped to
 * every path that no other servlet claims (so the filter also answers the root's non-Git paths).
 */
public final class GitEndpoint {
    private GitEndpoint() {}

    /** Adds the Git servlet and its access filter to {@code context} at {@code /*}. */
    public static void install(ServletContextHandler context, EmulatorContext ctx) {
        GitServlet git = new GitServlet();
        git.setRepositoryResolver(new StoreRepositoryResolver(ctx));
        PackFactories packs = new PackFactories(ctx);
        git.setUploadPackFactory(packs.upload());
        git.setReceivePackFactory(packs.receive());
        ServletHolder holder = new ServletHolder("git", git);
        context.addServlet(holder, "/*");
        FilterHolder filter = new FilterHolder(new GitAccessFilter(ctx));
        filter.setName("git-access");
        // Mapped by servlet name: /2.0 and /_emulator have their own servlets and rules.
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName("git-access");
        mapping.setServletNames(new String[] {"git"});
        mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        context.getServletHandler().addFilter(filter, mapping);
    }
}
