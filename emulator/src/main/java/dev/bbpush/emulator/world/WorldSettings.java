package dev.bbpush.emulator.world;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * World-wide switches for behaviours that changed over time or that the reference marks uncertain.
 * Every field has a default that matches Bitbucket Cloud in late 2026.
 *
 * @param appPasswords the state of app passwords: {@code active}, {@code brownout} or {@code removed}
 *     (the default: removed on 2026-07-28)
 * @param crossWorkspaceEndpointsGone whether the CHANGE-2770 endpoints answer 410 Gone (default true)
 * @param rateLimits hourly request allowances per bucket class
 * @param oauthAccessTokenLifetime lifetime of OAuth access tokens ({@code expires_in}, default 7200 s)
 * @param startTime the emulator clock's initial "now", or {@code null} for the system clock
 */
public record WorldSettings(
        AppPasswordState appPasswords,
        boolean crossWorkspaceEndpointsGone,
        RateLimits rateLimits,
        Duration oauthAccessTokenLifetime,
        Instant startTime) {

    public WorldSettings {
        Objects.requireNonNull(appPasswords, "appPasswords");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(oauthAccessTokenLifetime, "oauthAccessTokenLifetime");
    }

    public static WorldSettings defaults() {
        return new WorldSettings(
                AppPasswordState.REMOVED, true, RateLimits.bitbucketDefaults(), Duration.ofSeconds(7200), null);
    }

    /** App-password lifecycle (reference: bitbucket-cloud-auth.md §0, §2.3). */
    public enum AppPasswordState {
        ACTIVE,
        BROWNOUT,
        REMOVED
    }

    /**
     * Hourly allowances per bucket class (reference: bitbucket-cloud-auth.md §7).
     *
     * @param repositoryData {@code /2.0/repositories/*} and other API calls, per credential
     * @param rawFiles raw file downloads
     * @param git Git over HTTPS operations
     * @param anonymous unauthenticated requests, per client address
     */
    public record RateLimits(int repositoryData, int rawFiles, int git, int anonymous) {
        public static RateLimits bitbucketDefaults() {
            return new RateLimits(1000, 5000, 60000, 60);
        }
    }
}
