package care.apiclient;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform's API contract as an integrator reads it (src/main/openapi/platform.json, the gateway's /openapi):
 * valid OpenAPI, and every operation complete, so that the next endpoint cannot forget an id, a tag, its security,
 * its errors or its limits. Each test lists every operation that falls short, not only the first.
 */
class PlatformDocumentTest {

    static final Path DOCUMENT = Path.of("src/main/openapi/platform.json");

    private static OpenAPI api;

    @BeforeAll
    static void parse() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(DOCUMENT), null, options);
        assertEquals(List.of(), Objects.requireNonNullElse(result.getMessages(), List.of()),
                "the document is not valid OpenAPI");
        api = result.getOpenAPI();
    }

    @Test
    void isOpenApi303WithTheKeycloakAndTheFinanceClientCredentialsSchemes() {
        assertEquals("3.0.3", api.getOpenapi());
        assertEquals(Set.of("keycloak", "financeClientCredentials"), api.getComponents().getSecuritySchemes().keySet());
        assertEquals("openIdConnect", api.getComponents().getSecuritySchemes().get("keycloak").getType().toString());
        var flow = api.getComponents().getSecuritySchemes().get("financeClientCredentials").getFlows().getClientCredentials();
        assertEquals(true, flow.getTokenUrl().endsWith("/protocol/openid-connect/token"));
    }

    @Test
    void everyOperationHasAUniqueIdADeclaredTagAChineseSummaryAndADescription() {
        Set<String> tags = new HashSet<>(api.getTags().stream().map(Tag::getName).toList());
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        operations((name, operation) -> {
            if (blank(operation.getOperationId()) || !ids.add(operation.getOperationId())) {
                wrong.add(name + ": operationId missing or used twice (" + operation.getOperationId() + ")");
            }
            if (operation.getTags() == null || operation.getTags().isEmpty() || !tags.containsAll(operation.getTags())) {
                wrong.add(name + ": no tag, or a tag the document does not declare: " + operation.getTags());
            }
            if (blank(operation.getSummary()) || blank(operation.getDescription())) {
                wrong.add(name + ": summary and description are both needed");
            } else if (operation.getSummary().codePoints()
                    .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                // the officials who use the platform read the summaries; the descriptions may be English
                wrong.add(name + ": the summary is not in Chinese: " + operation.getSummary());
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** What anyone may call without a token: the public directory, and an institution registering itself. */
    @Test
    void everyOperationNamesItsSecurityAndOnlyTheDirectoryAndRegisteringAreAnonymous() {
        List<String> wrong = new ArrayList<>();
        operations((name, operation) -> {
            boolean publicPath = name.contains(" /api/directory") || name.equals("POST /api/registrations");
            if (operation.getSecurity() == null) {
                wrong.add(name + ": no security requirement");
            } else if (operation.getSecurity().isEmpty() != publicPath) {
                wrong.add(name + (publicPath ? ": public, needs no token" : ": anonymous outside what is public"));
            } else if (name.contains(" /api/subsidy/finance/")
                    && !operation.getSecurity().get(0).containsKey("financeClientCredentials")) {
                wrong.add(name + ": the finance API is the client-credentials flow");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyOperationDeclaresTheProblemAnswersItCanGive() {
        List<String> wrong = new ArrayList<>();
        operations((name, operation) -> {
            Set<String> expected = new HashSet<>(Set.of("429", "503"));
            if (!operation.getSecurity().isEmpty()) {
                expected.addAll(Set.of("401", "403"));
            }
            if (name.contains("{")) {
                expected.add("404");
            }
            if (!name.startsWith("GET ")) {
                expected.add("409");
            }
            if (parameters(operation).stream().anyMatch(p -> p.getName().equals("Idempotency-Key"))) {
                expected.add("422");
            }
            if (!parameters(operation).isEmpty() || operation.getRequestBody() != null) {
                expected.add("400");
            }
            for (String status : expected) {
                ApiResponse response = resolve(operation.getResponses().get(status));
                if (response == null || response.getContent() == null
                        || !response.getContent().containsKey("application/problem+json")) {
                    wrong.add(name + ": no problem+json " + status);
                }
            }
            ApiResponse tooMany = resolve(operation.getResponses().get("429"));
            if (tooMany == null || tooMany.getHeaders() == null || !tooMany.getHeaders().containsKey("Retry-After")) {
                wrong.add(name + ": 429 without Retry-After");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theProblemCarriesItsMachineCodeAndPerFieldViolations() {
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        assertEquals(true, problem.getRequired().contains("code"));
        assertEquals("#/components/schemas/Violation",
                ((Schema<?>) problem.getProperties().get("violations")).getItems().get$ref());
    }

    /** Path parameters are left out: a segment names a record, and one that names none is a 404. */
    @Test
    void everyHeaderAndQueryParameterIsBounded() {
        List<String> wrong = new ArrayList<>();
        operations((name, operation) -> parameters(operation).stream().filter(p -> !p.getIn().equals("path"))
                .forEach(parameter -> {
            Schema<?> schema = parameter.getSchema();
            if (schema != null && "string".equals(schema.getType()) && schema.getMaxLength() == null
                    && schema.getPattern() == null && schema.getEnum() == null && schema.getFormat() == null) {
                wrong.add(name + ": " + parameter.getIn() + " " + parameter.getName() + " has no limit");
            }
            if (schema != null && "integer".equals(schema.getType())
                    && (schema.getMinimum() == null || schema.getMaximum() == null)) {
                wrong.add(name + ": " + parameter.getName() + " has no range");
            }
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void theFinanceResultsTakeAnIdempotencyKeyAndTheEditsAnIfMatch() {
        Operation result = api.getPaths().get("/api/subsidy/finance/instructions/{id}/result").getPost();
        Parameter key = parameters(result).stream().filter(p -> p.getName().equals("Idempotency-Key")).findFirst()
                .orElseThrow();
        assertEquals(true, key.getRequired());
        assertEquals(200, key.getSchema().getMaxLength());
        Operation capacity = api.getPaths().get("/api/institutions/{id}/sites/{siteId}/capacity").getPut();
        assertEquals(true, parameters(capacity).stream().anyMatch(p -> p.getName().equals("If-Match")));
    }

    private static void operations(BiConsumer<String, Operation> check) {
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.readOperationsMap().entrySet()) {
                check.accept(operation.getKey() + " " + path, operation.getValue());
            }
        });
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters().stream()
                .map(p -> p.get$ref() == null ? p
                        : api.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1)))
                .toList();
    }

    private static ApiResponse resolve(ApiResponse response) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        return api.getComponents().getResponses().get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
