package care.portal.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.util.List;

/**
 * The registry's 指标监测 through the gateway, as the logged-in user (the registry limits it to the user's city, or
 * county and sector). The records hold what the page shows.
 */
@RegisterRestClient(configKey = "registry")
@RegisterProvider(ProblemMapper.class)
@AccessToken
@Path("/api/institutions/indicators")
public interface IndicatorClient {

    @GET
    Table table(@QueryParam("asOf") String asOf);

    @GET
    @Path("/table.csv")
    @Produces(MediaType.WILDCARD)
    Response csv(@QueryParam("asOf") String asOf);

    @GET
    @Path("/table.xlsx")
    @Produces(MediaType.WILDCARD)
    Response xlsx(@QueryParam("asOf") String asOf);

    @TemplateData
    record Table(String cityCode, String cityName, String asOf, List<Area> areas, List<Indicator> indicators) {
    }

    @TemplateData
    record Area(String code, String name, String level) {
    }

    @TemplateData
    record Source(String document, String section, String sentence) {
    }

    @TemplateData
    record Indicator(String code, String name, String sector, boolean measured, String notMeasuredReason,
                     String unit, String direction, BigDecimal target, String targetOn, String baselineOn,
                     String targetScope, Source source, int version, String numeratorLabel, String denominatorLabel,
                     List<Figure> figures) {
    }

    @TemplateData
    record Figure(String areaCode, String areaName, BigDecimal value, long numerator, Long denominator,
                  String missing, BigDecimal target, BigDecimal gap, BigDecimal expected, String status,
                  String statusLabel, List<Point> trend) {
    }

    @TemplateData
    record Point(String day, BigDecimal value) {
    }
}
