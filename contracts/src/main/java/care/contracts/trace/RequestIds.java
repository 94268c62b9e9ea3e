package care.contracts.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id the gateway assigns (X-Request-Id) follows a request into this service's log lines (MDC key
 * {@code requestId}), into the events it publishes, and from there into the consumers' log lines.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /** The id of the request or event being handled on this thread, or null. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** Makes {@code id} the current one (an event's id while a consumer applies it); null clears it. */
    public static void adopt(String id) {
        if (id != null && SANE.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
    }

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        adopt(id != null && SANE.matcher(id).matches() ? id : UUID.randomUUID().toString());
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        String id = current();
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
