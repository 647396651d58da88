package dev.bbpush.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tools' input schemas are valid JSON Schema (checked with the SDK's own validator, which the server leaves out
 * of its start-up path), and valid and invalid arguments are told apart by them as the tools' own checks do.
 */
class ToolSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator(JSON);

    @Test
    void everyToolsInputSchemaIsValidJsonSchema() throws Exception {
        for (String tool : BbpushMcpServer.TOOL_NAMES) {
            ValidationResponse r = validator.validateSchema(schema(tool));
            assertThat(r.valid()).as(tool + ": " + r.errorMessage()).isTrue();
            assertThat(schema(tool)).containsEntry("type", "object").containsEntry("additionalProperties", false);
        }
    }

    @Test
    void thePushFilesSchemaAcceptsAnInlinePushAndRefusesAnUnknownArgument() throws Exception {
        Map<String, Object> schema = schema("push_files");
        Map<String, Object> ok = Map.of(
                "repository",
                "acme/infra",
                "message",
                "m",
                "files",
                List.of(Map.of("path", "a.tf", "text", "x", "executable", true)));

        assertThat(validator.validate(schema, ok).valid()).isTrue();
        assertThat(validator
                        .validate(schema, Map.of("repository", "acme/infra", "message", "m", "token", "x"))
                        .valid())
                .isFalse();
        assertThat(validator.validate(schema, Map.of("message", "m")).valid()).isFalse();
    }

    private static Map<String, Object> schema(String tool) throws Exception {
        try (InputStream in = ToolSchemasTest.class.getResourceAsStream("/dev/bbpush/mcp/schemas/" + tool + ".json")) {
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
        }
    }
}
