package dev.bbpush.emulator.junit;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Faults;
import dev.bbpush.emulator.control.Journal;
import dev.bbpush.emulator.world.World;
import dev.bbpush.emulator.world.WorldLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link BitbucketEmulatorTest}: one emulator per test class, reset before every test but the
 * first. Test and lifecycle methods may declare parameters of type {@link Emulator}, {@link Journal} (its request
 * journal, for {@code takeRequest}/{@code await}) and {@link Faults} (its scripted faults).
 */
public final class BitbucketEmulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(BitbucketEmulatorExtension.class);
    private static final String KEY = "emulator";
    private static final String FRESH = "fresh";

    @Override
    public void beforeAll(ExtensionContext context) {
        String worldName = context.getRequiredTestClass().isAnnotationPresent(BitbucketEmulatorTest.class)
                ? context.getRequiredTestClass()
                        .getAnnotation(BitbucketEmulatorTest.class)
                        .world()
                : "demo";
        Emulator emulator = Emulator.builder()
                .world(resolveWorld(worldName, context.getRequiredTestClass()))
                .start();
        context.getStore(NS).put(KEY, emulator);
        context.getStore(NS).put(FRESH, Boolean.TRUE);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getParent().orElseThrow().getStore(NS);
        if (Boolean.TRUE.equals(store.get(FRESH))) {
            store.put(FRESH, Boolean.FALSE);
            return;
        }
        emulator(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Emulator emulator = context.getStore(NS).remove(KEY, Emulator.class);
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Emulator.class || type == Journal.class || type == Faults.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Emulator emulator = emulator(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == Journal.class) {
            return emulator.journal();
        }
        return type == Faults.class ? emulator.faults() : emulator;
    }

    private static Emulator emulator(ExtensionContext context) {
        ExtensionContext c = context;
        while (c != null) {
            Emulator e = c.getStore(NS).get(KEY, Emulator.class);
            if (e != null) {
                return e;
            }
            c = c.getParent().orElse(null);
        }
        throw new IllegalStateException("no emulator: annotate the test class with @BitbucketEmulatorTest");
    }

    private static World resolveWorld(String name, Class<?> testClass) {
        if (WorldLoader.builtInNames().contains(name) || Files.exists(Path.of(name))) {
            return WorldLoader.load(name);
        }
        String resource = name.startsWith("/") ? name : "/" + name;
        try (InputStream in = testClass.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "world '" + name + "' is neither built in, a file, nor a classpath resource");
            }
            Path tmp = Files.createTempFile("world-", name.endsWith(".json") ? ".json" : ".yaml");
            Files.write(tmp, in.readAllBytes());
            try {
                return WorldLoader.fromFile(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
