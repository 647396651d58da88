package dev.bbpush.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Page-number pagination as Bitbucket renders it: {@code pagelen}, {@code page}, {@code size},
 * {@code values}, and absolute {@code next}/{@code previous} links on the emulator's own origin
 * (reference: bitbucket-cloud-rest.md §1.5).
 */
public final class Page {
    private Page() {}

    /**
     * Renders one page of {@code items}.
     *
     * @param defaultPagelen the page length when the request gives none
     * @param maxPagelen the largest accepted {@code pagelen}; beyond it Bitbucket answers 400
     *     {@code Invalid pagelen}
     * @throws ApiError 400 {@code Invalid pagelen} or {@code Invalid page}
     */
    public static <T> ObjectNode of(
            Exchange ex, List<T> items, Function<T, JsonNode> render, int defaultPagelen, int maxPagelen) {
        int pagelen = intQuery(ex, "pagelen", defaultPagelen, "Invalid pagelen");
        int page = intQuery(ex, "page", 1, "Invalid page");
        if (pagelen < 1 || pagelen > maxPagelen) {
            throw ApiError.badRequest("Invalid pagelen").reason("pagelen " + pagelen + " outside 1.." + maxPagelen);
        }
        int size = items.size();
        int lastPage = Math.max(1, (size + pagelen - 1) / pagelen);
        if (page < 1 || page > lastPage) {
            throw ApiError.badRequest("Invalid page").reason("page " + page + " outside 1.." + lastPage);
        }
        int from = (page - 1) * pagelen;
        int to = Math.min(size, from + pagelen);
        ObjectNode out = Json.obj();
        out.put("pagelen", pagelen);
        out.put("size", size);
        out.put("page", page);
        ArrayNode values = out.putArray("values");
        for (T item : items.subList(from, to)) {
            values.add(render.apply(item));
        }
        if (page < lastPage) {
            out.put("next", pageUrl(ex, page + 1));
        }
        if (page > 1) {
            out.put("previous", pageUrl(ex, page - 1));
        }
        return out;
    }

    /** The current request URL, absolute on the emulator's origin, with {@code page} replaced. */
    public static String pageUrl(Exchange ex, int page) {
        String path = ex.request().getRequestURI();
        StringBuilder q = new StringBuilder();
        String raw = ex.request().getQueryString();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("page=")) {
                    q.append(q.length() == 0 ? "" : "&").append(pair);
                }
            }
        }
        q.append(q.length() == 0 ? "" : "&").append("page=").append(page);
        return ex.links().origin() + path + "?" + q;
    }

    private static int intQuery(Exchange ex, String name, int dflt, String error) {
        String v = ex.query(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(error).reason(name + "=" + v + " is not a number");
        }
    }
}
