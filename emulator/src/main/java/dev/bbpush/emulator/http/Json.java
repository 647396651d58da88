package dev.bbpush.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The emulator's one JSON mapper and small builders for Bitbucket-shaped objects. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** Bitbucket's timestamp form for objects: microseconds and {@code +00:00}. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    /** Bitbucket's form for commit dates: no fraction, {@code +00:00}. */
    private static final DateTimeFormatter COMMIT_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private Json() {}

    public static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode arr() {
        return MAPPER.createArrayNode();
    }

    /** {@code {"href": url}}, the shape of every entry in {@code links}. */
    public static ObjectNode href(String url) {
        return obj().put("href", url);
    }

    public static String timestamp(Instant t) {
        return TIMESTAMP.format(t);
    }

    public static String commitDate(Instant t) {
        return COMMIT_DATE.format(t);
    }
}
