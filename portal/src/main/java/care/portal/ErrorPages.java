package care.portal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refusal of the API while showing a page: its title and detail in a page of the portal's look. */
public class ErrorPages {

    @Inject
    @Location("error.html")
    Template error;

    @Inject
    Views views;

    @ServerExceptionMapper
    public Response apiError(ApiError e) {
        return views.html(e.status, views.page(error).data("error", e));
    }
}
