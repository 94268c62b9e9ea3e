package care.gateway;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A route whose handler throws, in the tests only: the gateway must answer problem+json and show nothing of it. */
@ApplicationScoped
public class BrokenRoute {

    static final String PATH = "/test-only/broken";
    static final String SECRET = "internal detail that must not reach the caller";

    void install(@Observes Router router) {
        router.get(PATH).handler(ctx -> {
            throw new IllegalStateException(SECRET);
        });
    }
}
