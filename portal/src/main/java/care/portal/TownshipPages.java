package care.portal;

import care.portal.client.TownshipClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 乡镇（街道）名单: the city admin keeps the township list of each county of the city (add, rename, retire), which the
 * institutions' site forms then offer as a choice. The registry decides who may and checks the codes.
 */
@Path("/portal/townships")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class TownshipPages {

    private static final Pattern CODE = Pattern.compile("\\d{9}");

    @Inject
    @Location("townships.html")
    Template townships;

    @Inject
    @RestClient
    TownshipClient client;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @Inject
    Confirm confirm;

    @GET
    public TemplateInstance list(@RestQuery String county, @RestQuery String done) {
        return page(county(county), Form.empty()).data("done", done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestForm String county, @RestForm String code, @RestForm String name) {
        String shown = county(county);
        Form form = Form.empty().set("code", trim(code)).set("name", trim(name));
        try {
            client.create(Map.of("code", trim(code), "name", trim(name)));
            return Views.seeOther("/portal/townships?county=" + shown + "&done=added");
        } catch (ApiError e) {
            return views.html(e.status, page(shown, form.error(e)));
        }
    }

    @POST
    @Path("/{code}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@RestPath String code, @RestForm String name) {
        String township = code(code);
        String county = township.substring(0, 6);
        try {
            client.rename(township, Map.of("name", trim(name)));
            return Views.seeOther("/portal/townships?county=" + county + "&done=renamed");
        } catch (ApiError e) {
            return views.html(e.status, page(county(county), Form.empty().error(e)));
        }
    }

    @POST
    @Path("/{code}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@RestPath String code, @RestForm String confirmed) {
        String township = code(code);
        String county = township.substring(0, 6);
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.TOWNSHIP_RETIRE, "/portal/townships?county=" + county);
        }
        try {
            client.retire(township);
            return Views.seeOther("/portal/townships?county=" + county + "&done=retired");
        } catch (ApiError e) {
            return views.html(e.status, page(county(county), Form.empty().error(e)));
        }
    }

    private TemplateInstance page(String county, Form form) {
        return views.page(townships).data("counties", counties()).data("county", county)
                .data("items", client.list(county)).data("form", form).data("done", null);
    }

    private List<Labels.Option> counties() {
        User user = viewer.user();
        String city = user.claim("city_code");
        return Labels.INSTANCE.countiesOf(city.isEmpty() ? user.claim("division_code") : city);
    }

    /** One of the admin's counties (the first unless another of them is asked for). */
    private String county(String asked) {
        List<Labels.Option> counties = counties();
        if (counties.isEmpty()) {
            throw new ApiError(403, "FORBIDDEN", "您的账号不办理此项业务", "账号未绑定城市。", Map.of());
        }
        return counties.stream().map(Labels.Option::code).filter(c -> c.equals(asked)).findFirst()
                .orElse(counties.get(0).code());
    }

    private static String code(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ApiError(404, "NOT_FOUND", "记录不存在", Views.LINK_BROKEN, Map.of());
        }
        return code;
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
