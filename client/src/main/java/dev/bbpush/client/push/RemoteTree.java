package dev.bbpush.client.push;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The remote files a planner looked at, by path (sorted), at commit {@code head} ({@code null} for an empty
 * repository). Both snapshots cover only what the plan needs: the pushed paths (and what lies below them) and, when
 * mirroring, everything under the mirror prefix.
 */
record RemoteTree(String head, NavigableMap<String, RemoteEntry> files, PlanSource source) {
    RemoteTree {
        files = Collections.unmodifiableNavigableMap(new TreeMap<>(files));
    }

    static RemoteTree empty(PlanSource source) {
        return new RemoteTree(null, new TreeMap<>(), source);
    }

    static RemoteTree of(String head, Map<String, RemoteEntry> files, PlanSource source) {
        return new RemoteTree(head, new TreeMap<>(files), source);
    }

    /** Whether {@code path} is a directory in this tree (some file lies below it). */
    boolean isDirectory(String path) {
        String below = files.ceilingKey(path + "/");
        return below != null && below.startsWith(path + "/");
    }
}
