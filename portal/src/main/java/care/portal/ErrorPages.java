package care.portal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refusal of the API while showing a page: its title and detail in a page of the portal's look. */
public class ErrorPages {

    @Inject
    @Location("error.html")
    Template error;

    @Inject
    Views views;

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @ServerExceptionMapper
    public Response apiError(ApiError e) {
        return views.html(e.status, views.page(error).data("error", e));
    }

    /** An address no page answers: the portal's page in Chinese, not the framework's English "Resource not found". */
    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e) {
        return apiError(new ApiError(404, "NOT_FOUND", "页面不存在", "您访问的页面不存在或已移动。请从菜单或首页重新进入。",
                java.util.Map.of()));
    }

    /**
     * A step's address opened as a page: after a login that interrupted a post, the browser asks for the post's
     * address. A page of the portal (with its script, which takes the person back to where the step started), not the
     * framework's bare 405.
     */
    @ServerExceptionMapper
    public Response notAPage(jakarta.ws.rs.NotAllowedException e) {
        return apiError(new ApiError(405, "NOT_A_PAGE", "这一步不能直接打开",
                "这一步要在它所在的页面上点按钮办理。请返回上一页再办理一次。", java.util.Map.of()));
    }

    /** The gateway not reached at all, or no answer in time: the page says the service is unavailable or slow. */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("API unreachable: %s", e.toString());
        return apiError(ApiError.unreachable(e));
    }
}
