package care.portal;

import care.portal.client.IndicatorClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 指标监测: the plan's 2025 targets against the register, per county and for the city, with a bar chart per indicator
 * (each county against the target) and the city's monthly trend. The charts are Apache ECharts from the webjar,
 * served here; the table below them shows the same figures without JavaScript.
 */
@Path("/portal/indicators")
@Authenticated
public class IndicatorPages {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    @Inject
    @Location("indicators.html")
    Template indicators;

    @Inject
    @RestClient
    IndicatorClient client;

    @Inject
    Views views;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery String asOf) {
        IndicatorClient.Table table = client.table(day(asOf));
        List<IndicatorClient.Indicator> measured = table.indicators().stream()
                .filter(IndicatorClient.Indicator::measured).toList();
        List<IndicatorClient.Indicator> unmeasured = table.indicators().stream().filter(i -> !i.measured()).toList();
        try {
            return views.page(indicators).data("t", table).data("measured", measured).data("unmeasured", unmeasured)
                    // raw in a script element: no "<" may end it early, whatever a name or sentence holds
                    .data("chartData", new RawString(json.writeValueAsString(measured).replace("<", "\\u003c")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/table.csv")
    @Produces(MediaType.WILDCARD)
    public Response csv(@RestQuery String asOf) {
        return Views.passThrough(client.csv(day(asOf)), false);
    }

    @GET
    @Path("/table.xlsx")
    @Produces(MediaType.WILDCARD)
    public Response xlsx(@RestQuery String asOf) {
        return Views.passThrough(client.xlsx(day(asOf)), false);
    }

    /** ECharts from the webjar on the portal's class path: the browser loads nothing from outside the platform. */
    @GET
    @Path("/echarts.min.js")
    @Produces("text/javascript")
    public Response echarts() {
        InputStream script = Thread.currentThread().getContextClassLoader().getResourceAsStream(ECHARTS);
        return Response.ok(script).header("Cache-Control", "public, max-age=86400").build();
    }

    /** Today (null, the API's default) unless a well-formed day is asked for; the API checks the range. */
    private static String day(String asOf) {
        return asOf != null && DAY.matcher(asOf).matches() ? asOf : null;
    }
}
