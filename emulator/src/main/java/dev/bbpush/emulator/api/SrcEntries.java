package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Links;
import dev.bbpush.emulator.store.SourceTree;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code commit_file} and {@code commit_directory} objects of {@code /src} listings and
 * {@code format=meta} (bitbucket-cloud-rest.md §3.1). Only these two types exist: a symlink is a
 * {@code commit_file} with attribute {@code link}, a submodule one with {@code subrepository}.
 */
final class SrcEntries {
    private final Repo repo;
    private final String sha;
    private final Links links;
    private final ObjectNode commit;
    private final SourceTree tree;

    SrcEntries(Repo repo, String sha, Links links, Representations rep, SourceTree tree) {
        this.repo = repo;
        this.sha = sha;
        this.links = links;
        this.commit = rep.commitSummary(repo, sha);
        this.tree = tree;
    }

    ObjectNode render(SourceTree.Item item) {
        return item.isDirectory() ? directory(item.path()) : file(item);
    }

    /** A directory; on the root {@code path} is {@code ""} and the links end in {@code //}, as Bitbucket's do (NB136). */
    ObjectNode directory(String path) {
        ObjectNode n = Json.obj();
        n.put("type", "commit_directory");
        n.put("path", path);
        n.set("commit", commit.deepCopy());
        String self = srcUrl(path) + "/";
        ObjectNode l = n.putObject("links");
        l.set("self", Json.href(self));
        l.set("meta", Json.href(self + "?format=meta"));
        return n;
    }

    ObjectNode file(SourceTree.Item item) {
        ObjectNode n = Json.obj();
        n.put("type", "commit_file");
        n.put("path", item.path());
        n.put("escaped_path", escapedPath(item.path()));
        ArrayNode attributes = Json.arr();
        try {
            if (item.isSubmodule()) {
                n.put("size", 0);
                attributes.add("subrepository");
            } else {
                n.put("size", tree.size(item));
                if (item.isExecutable()) {
                    attributes.add("executable");
                } else if (item.isSymlink()) {
                    attributes.add("link");
                }
                if (!item.isSymlink() && tree.isBinary(item)) {
                    attributes.add("binary");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String mime = MediaTypes.guess(item.path());
        if (mime == null) {
            n.putNull("mimetype");
        } else {
            n.put("mimetype", mime);
        }
        n.set("attributes", attributes);
        n.set("commit", commit.deepCopy());
        String self = srcUrl(item.path());
        ObjectNode l = n.putObject("links");
        l.set("self", Json.href(self));
        l.set("meta", Json.href(self + "?format=meta"));
        String history =
                links.repo(repo.workspace(), repo.slug()) + "/filehistory/" + sha + "/" + Links.encodePath(item.path());
        l.set("history", Json.href(history));
        return n;
    }

    private String srcUrl(String path) {
        return links.repo(repo.workspace(), repo.slug()) + "/src/" + sha + "/" + Links.encodePath(path);
    }

    /**
     * The path as {@code git diff} prints it: unchanged when plain, otherwise C-quoted with octal escapes
     * for control characters and non-ASCII bytes ({@code core.quotePath} default).
     */
    static String escapedPath(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        boolean plain = true;
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return path;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append('\\').append(String.format("%03o", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
