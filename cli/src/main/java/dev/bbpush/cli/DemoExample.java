package dev.bbpush.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The example Terraform module ({@code examples/terraform} in the repository), bundled as a classpath resource of the
 * cli module at build time so that {@code bbpush demo} does not depend on the working directory. Jars do not keep
 * file modes, so extraction marks {@code *.sh} files executable (the example's {@code scripts/plan.sh}).
 */
final class DemoExample {
    static final String RESOURCE = "/dev/bbpush/cli/demo/terraform";

    private DemoExample() {}

    /**
     * Copies the example into {@code target} (created) and returns it.
     *
     * @throws IOException if the resource is missing (a build without resources) or cannot be copied
     */
    static Path extract(Path target) throws IOException {
        URL url = DemoExample.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("the bundled example " + RESOURCE + " is missing from the classpath; rebuild bbpush");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad resource URL " + url, e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(jar.provider().getPath(uri), target);
            }
        } else {
            copyTree(Path.of(uri), target);
        }
        return target;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            // Relative path as a string: the source may be inside a jar (another file system).
            Path dest = target.resolve(
                    source.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"));
            Files.createDirectories(dest.getParent());
            try (InputStream in = Files.newInputStream(f)) {
                Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
            }
            if (dest.getFileName().toString().endsWith(".sh")) {
                makeExecutable(dest);
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> p = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            p.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, p);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): Git modes cannot be expressed there; the file is pushed as regular.
        }
    }
}
