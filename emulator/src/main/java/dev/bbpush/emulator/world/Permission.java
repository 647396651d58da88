package dev.bbpush.emulator.world;

import java.util.Locale;

/** A repository permission level, ordered: each level includes the ones before it. */
public enum Permission {
    NONE,
    READ,
    WRITE,
    ADMIN;

    public boolean includes(Permission other) {
        return compareTo(other) >= 0;
    }

    /** Bitbucket's spelling in JSON ({@code read}, {@code write}, {@code admin}, {@code none}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Permission parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
