package dev.bbpush.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a local Bitbucket Cloud emulator. The emulator starts once per class on a
 * free loopback port and is reset to the world's initial state before each test; declare an
 * {@link dev.bbpush.emulator.Emulator} parameter to get it (or a {@link dev.bbpush.emulator.control.Journal} or
 * {@link dev.bbpush.emulator.control.Faults} parameter for just its journal or faults).
 *
 * <pre>{@code
 * @BitbucketEmulatorTest(world = "demo")
 * class PushTest {
 *   @Test void pushes(Emulator bb) { ... bb.apiUrl() ... bb.secret("rahul-api-token") ... }
 *
 *   @Test void retriesA503(Emulator bb, Faults faults, Journal journal) throws Exception {
 *     faults.add(Fault.on("POST", "/src$").times(1).respond(503));
 *     ... push ...
 *     assertThat(journal.takeRequest(Duration.ofSeconds(10)).status()).isEqualTo(503);
 *   }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BitbucketEmulatorExtension.class)
public @interface BitbucketEmulatorTest {
    /** A built-in world name or a world file path (relative to the working directory or the classpath). */
    String world() default "demo";
}
