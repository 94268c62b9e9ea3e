package care.gateway;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlatformOpenApiTest {

    private static final GatewayConfig.Route ROUTE = new GatewayConfig.Route() {
        @Override
        public String url() {
            return "http://127.0.0.1:1";
        }

        @Override
        public List<String> prefixes() {
            return List.of("/api");
        }
    };

    private static JsonObject service(String path, String itemProperty) {
        return new JsonObject("""
                {"paths":{"%s":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/Item"}}}}}}}},
                 "components":{"schemas":{"Item":{"type":"object","properties":{"%s":{"type":"string"}}},
                                          "Problem":{"type":"object"}},
                               "responses":{"NotFound":{"description":"absent"}}}}
                """.formatted(path, itemProperty));
    }

    @Test
    void aSchemaNamedLikeAnotherServicesDifferentSchemaIsRenamedAndItsReferencesFollow() {
        JsonObject merged = new JsonObject("""
                {"paths":{},"tags":[],"components":{"schemas":{},"responses":{},"parameters":{},"headers":{},
                 "securitySchemes":{}}}""");
        PlatformOpenApi.merge(merged, service("/api/filings", "filing"), "filing", ROUTE);
        PlatformOpenApi.merge(merged, service("/api/subsidy", "amount"), "subsidy", ROUTE);

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(List.of("Item", "Problem", "SubsidyItem"), schemas.fieldNames().stream().sorted().toList());
        assertEquals(Optional.of("amount"), schemas.getJsonObject("SubsidyItem").getJsonObject("properties")
                .fieldNames().stream().findFirst());
        assertEquals("#/components/schemas/SubsidyItem", merged.getJsonObject("paths").getJsonObject("/api/subsidy")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals("#/components/schemas/Item", merged.getJsonObject("paths").getJsonObject("/api/filings")
                .getJsonObject("get").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals("absent", merged.getJsonObject("components").getJsonObject("responses")
                .getJsonObject("NotFound").getString("description"));
    }
}
