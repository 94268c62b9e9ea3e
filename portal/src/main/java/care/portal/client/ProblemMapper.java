package care.portal.client;

import care.portal.ApiError;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.Map;

/**
 * Every refusal of the platform API (status 400 and above) becomes an {@link ApiError} the pages already know how to
 * show: the problem+json title at the top, each violation beside its field. An answer that is not problem+json (a
 * proxy's HTML page, an empty body) gets a title by its status.
 */
public class ProblemMapper implements ResponseExceptionMapper<ApiError> {

    @Override
    public ApiError toThrowable(Response response) {
        Object problem = null;
        if (response.hasEntity()) {
            try {
                // problem+json is an open document (RFC 9457 extension members), read as the JSON object it is
                problem = response.readEntity(Map.class);
            } catch (ProcessingException | IllegalStateException notJson) {
                // a status-based title below
            }
        }
        return ApiError.of(response.getStatus(), problem);
    }
}
