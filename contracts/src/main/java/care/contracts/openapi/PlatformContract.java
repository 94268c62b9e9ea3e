package care.contracts.openapi;

import care.contracts.idempotency.IdempotencyKeys;
import care.contracts.problem.Problem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every service's OpenAPI document says the same way, so that the gateway's merged document is one contract:
 * the problem+json answers (RFC 9457, with {@code code} and {@code violations}) each operation can give, the two
 * security schemes (a Keycloak user's bearer token; the finance bureaus' client-credentials flow), and the
 * Idempotency-Key and If-Match headers. Registered in each service with {@code mp.openapi.filter}.
 * <p>
 * The errors are declared from what the shared plumbing answers, not per endpoint: every request may meet the
 * gateway's rate limit (429 with Retry-After) or a service it cannot reach (503); parameters and bodies are
 * validated (400 VALIDATION_FAILED); a secured operation answers 401 without a token and 403 outside the caller's
 * role; a path naming a record answers 404 when the caller cannot see it; a write meets another's concurrent change
 * or a duplicate (409); a write with an Idempotency-Key answers 422 when the key was used for another request.
 */
public class PlatformContract implements OASFilter {

    /** The scheme for people (and the portal): a bearer token of the realm {@code care}. */
    public static final String KEYCLOAK = "keycloak";
    /**
     * The finance bureaus' systems: OAuth 2 client credentials (clients finance-kunming, finance-qujing); their
     * resource names it with {@code @SecurityRequirement}.
     */
    public static final String FINANCE = "financeClientCredentials";
    public static final String PROBLEM = "Problem";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";

    /**
     * Response name in components.responses → status and what it means, in the problem's own language. Sorted by
     * name: Map.of's order changes from one start to the next, and the document must be the same byte for byte.
     */
    private static final Map<String, String[]> ERRORS = new TreeMap<>(Map.of(
            "BadRequest", new String[]{"400", "请求无效：参数或请求体未通过校验 (VALIDATION_FAILED, MALFORMED_JSON)，violations 逐项列出"},
            "Unauthorized", new String[]{"401", "需要登录：没有或无效的 bearer token (UNAUTHENTICATED)"},
            "Forbidden", new String[]{"403", "无权执行此操作：角色、行政区划或领域不符 (FORBIDDEN)"},
            "NotFound", new String[]{"404", "记录不存在，或不在调用方的可见范围内 (NOT_FOUND)"},
            "Conflict", new String[]{"409", "与记录当前状态冲突：已被他人修改 (CONCURRENT_MODIFICATION, If-Match 不符)、已存在 (DUPLICATE) 或状态不允许"},
            "Unprocessable", new String[]{"422", "同一 Idempotency-Key 已用于另一请求 (IDEMPOTENCY_KEY_REUSED)，或业务规则不允许"},
            "TooManyRequests", new String[]{"429", "请求过于频繁 (RATE_LIMITED)：Retry-After 秒后再试"},
            "ServiceUnavailable", new String[]{"503", "服务暂时不可用 (SERVICE_UNAVAILABLE)：稍后重试"}));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Violation", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("一个未通过校验的字段 (one field that failed validation)")
                .addProperty("field", string("the field's JSON path, a query parameter or a header", 200))
                .addProperty("message", string("why, for a person", 1000))
                .required(List.of("field", "message")));
        components.addSchema(PROBLEM, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details; clients switch on code, people read title (Chinese)")
                .addProperty("type", string("urn:care:problem:<code>", 200))
                .addProperty("title", string("a title for people, in Chinese", 200))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32").minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", string("what went wrong with this request", 2000))
                .addProperty("instance", string("the request's path", 2000))
                .addProperty("code", string("the stable machine code, e.g. VALIDATION_FAILED, NOT_FOUND", 100))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref(SCHEMAS + "Violation")))
                .required(List.of("type", "title", "status", "code")));
        ERRORS.forEach((name, error) -> {
            APIResponse response = OASFactory.createAPIResponse().description(error[1])
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM))));
            if (error[0].equals("429") || error[0].equals("503")) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("seconds to wait before trying again")
                        .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32")
                                .minimum(BigDecimal.ONE)));
            }
            components.addResponse(name, response);
        });
        String realm = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse("http://localhost:8180/realms/care");
        components.addSecurityScheme(KEYCLOAK, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(realm + "/.well-known/openid-configuration")
                .description("A bearer access token of the Keycloak realm care (people sign in through the portal)"));
        components.addSecurityScheme(FINANCE, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("The finance bureaus' systems: client credentials of the realm care (role finance, "
                        + "bound to a city by the client's city_code claim)")
                .flows(OASFactory.createOAuthFlows().clientCredentials(OASFactory.createOAuthFlow()
                        .tokenUrl(realm + "/protocol/openid-connect/token")
                        .scopes(Map.of()))));
        if (openAPI.getPaths() != null) {
            Map<String, PathItem> paths = openAPI.getPaths().getPathItems();
            paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> declare(path, method, operation)));
            paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                if (takesIfMatch(operation) || method == PathItem.HttpMethod.GET && paths.entrySet().stream()
                        .anyMatch(other -> editedAt(path, other.getKey()) && other.getValue().getOperations().values()
                                .stream().anyMatch(PlatformContract::takesIfMatch))) {
                    etag(operation);
                }
            }));
        }
    }

    /** A resource edited with If-Match: the path itself, or an action on it ({@code /{id}/submit}). */
    private static boolean editedAt(String resource, String path) {
        return path.equals(resource) || path.startsWith(resource + "/")
                && !path.substring(resource.length() + 1).contains("/") && !path.endsWith("}");
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equals(p.getName()));
    }

    /** The version a client names in If-Match comes from the ETag of the resource's successful answers. */
    private static void etag(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getRef() == null) {
                response.addHeader("ETag", OASFactory.createHeader()
                        .description("the resource's version, to name in If-Match when changing it, e.g. \"3\"")
                        .schema(string(null, 40)));
            }
        });
    }

    private static void declare(String path, PathItem.HttpMethod method, Operation operation) {
        // Quarkus names the keycloak scheme on each @RolesAllowed operation; the finance API names its own
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean idempotent = false;
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.HEADER && IdempotencyKeys.HEADER.equals(parameter.getName())) {
                idempotent = true;
                // required where the resource says so (the finance API); optional elsewhere, as the code takes it
                parameter.description("a key of the client's choosing, one per intended effect: a "
                                + "retry with the same key and body returns the first answer (Idempotency-Replayed: "
                                + "true); the same key with another body is 422")
                        .schema(string(null, IdempotencyKeys.MAX_KEY).minLength(1));
            } else if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equals(parameter.getName())) {
                parameter.description("the ETag of the version the change was made against, e.g. \"3\"; another "
                        + "version is 409 CONCURRENT_MODIFICATION")
                        .schema(string(null, 40));
            }
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            error(responses, "BadRequest");
        }
        if (secured) {
            error(responses, "Unauthorized");
            error(responses, "Forbidden");
        } else {
            // anonymous, said explicitly: an operation without any security requirement reads as one that forgot it
            operation.setSecurity(List.of());
        }
        if (path.contains("{")) {
            error(responses, "NotFound");
        }
        if (method != PathItem.HttpMethod.GET) {
            error(responses, "Conflict");
        }
        if (idempotent) {
            error(responses, "Unprocessable");
        }
        error(responses, "TooManyRequests");
        error(responses, "ServiceUnavailable");
    }

    /** Replaces what Quarkus declares on its own (a 400, 401 or 403 without a body) with the problem answer. */
    private static void error(APIResponses responses, String name) {
        String status = ERRORS.get(name)[0];
        responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(RESPONSES + name));
    }

    private static Schema string(String description, int maxLength) {
        Schema schema = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(maxLength);
        return description == null ? schema : schema.description(description);
    }
}
