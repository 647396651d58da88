package dev.bbpush.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the library's public surface: no third-party type (Apache HttpClient, JGit, Jackson, SLF4J) appears in a public
 * or protected signature of a public type, so callers depend on bbpush alone and the dependencies can change.
 *
 * <p>Not API, and so not checked: packages named {@code internal}, and {@code dev.bbpush.client.json} (the Jackson
 * mappers shared by bbpush's own CLI and MCP server, documented as not API in its package-info).
 */
class PublicApiSurfaceTest {
    private static final List<String> FORBIDDEN =
            List.of("org.apache.", "org.eclipse.jgit.", "com.fasterxml.", "org.slf4j.");

    @Test
    void noThirdPartyTypeInAPublicSignature() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : apiTypes()) {
            check(leaks, c, "extends", c.getGenericSuperclass());
            for (Type t : c.getGenericInterfaces()) {
                check(leaks, c, "implements", t);
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    check(leaks, c, m.getName() + " returns", m.getGenericReturnType());
                    for (Type t : m.getGenericParameterTypes()) {
                        check(leaks, c, m.getName() + " takes", t);
                    }
                    for (Type t : m.getGenericExceptionTypes()) {
                        check(leaks, c, m.getName() + " throws", t);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && !k.isSynthetic()) {
                    for (Type t : k.getGenericParameterTypes()) {
                        check(leaks, c, "constructor takes", t);
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers()) && !f.isSynthetic()) {
                    check(leaks, c, "field " + f.getName(), f.getGenericType());
                }
            }
        }
        assertThat(leaks).as("third-party types in the public API").isEmpty();
    }

    @Test
    void theScanSeesTheApiTypes() throws Exception {
        assertThat(apiTypes())
                .extracting(Class::getName)
                .contains(
                        "dev.bbpush.client.BitbucketClient",
                        "dev.bbpush.client.http.Request",
                        "dev.bbpush.client.changes.ChangeSet",
                        "dev.bbpush.client.push.PushRequest$Builder")
                .noneMatch(n -> n.contains(".internal."))
                .noneMatch(n -> n.startsWith("dev.bbpush.client.json."));
    }

    @Test
    void mechanicsAreNotPublic() throws ClassNotFoundException {
        for (String name : List.of(
                "http.BodyEntity",
                "changes.DirectoryWalker",
                "changes.WalkScope",
                "changes.SpooledContent",
                "push.ChangeIdTrailer",
                "push.CommitMetadata",
                "push.SrcMultipartBody",
                "push.CommitProtocol",
                "push.Planner",
                "push.GitTreeReader",
                "push.RestCalls",
                "push.CountingConnectionFactory",
                "push.ProgressEntity",
                "safety.SecretRule",
                "safety.SecretRules",
                "safety.Masking",
                "auth.PasteRepair",
                "auth.ConfigFile",
                "auth.EnvironmentCredentialProvider",
                "auth.ConfigFileCredentialProvider",
                "auth.FlagCredentialProvider")) {
            Class<?> c =
                    Class.forName("dev.bbpush.client." + name, false, getClass().getClassLoader());
            assertThat(Modifier.isPublic(c.getModifiers()))
                    .as(name + " is public")
                    .isFalse();
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, Class<?> owner, String where, Type t) {
        if (t != null) {
            String name = t.getTypeName();
            for (String prefix : FORBIDDEN) {
                if (name.contains(prefix)) {
                    leaks.add(owner.getName() + " " + where + " " + name);
                }
            }
        }
    }

    /** Every public type (top-level or nested in public types) of the client's main classes, outside non-API packages. */
    static List<Class<?>> apiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(BitbucketClient.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info")
                        || name.contains(".internal.")
                        || name.startsWith("dev.bbpush.client.json.")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, PublicApiSurfaceTest.class.getClassLoader());
                if (isApi(c)) {
                    types.add(c);
                }
            }
        }
        return types;
    }

    private static boolean isApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
