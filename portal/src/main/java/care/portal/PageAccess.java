package care.portal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;

/**
 * A page the user's role cannot use answers 403 in Chinese when typed (the menu does not offer it), decided by
 * {@link User#mayOpen}: an admin or an auditor is not shown an institution's roster forms that the API would refuse
 * on sending. A visitor who is not logged in passes on to the login the page asks for.
 */
public class PageAccess {

    @Inject
    Viewer viewer;

    @Inject
    @Location("error.html")
    Template error;

    @Inject
    Views views;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        User user = viewer.user();
        String path = request.getUriInfo().getPath();
        if (!user.loggedIn() || user.mayOpen(path)) {
            return null;
        }
        return views.html(403, views.page(error).data("error", refusal(user)));
    }

    /** What a role is told on a page it cannot use: in Chinese, with the way back. */
    static ApiError refusal(User user) {
        return new ApiError(403, "FORBIDDEN", "您的账号不办理此项业务",
                user.roleLabel() + "账号没有此页面的办理权限，请从菜单进入您的业务页面。", Map.of());
    }
}
