package care.portal;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 补助决定: the grant decisions of the caller's city (with their payment status), and the county health reviewer's
 * 示范性 decision for a filed 托育 institution of its area; the batch of the programme pays it.
 */
@Path("/portal/grants")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class GrantPages {

    private static final Pattern AT_MOST = Pattern.compile("at most (\\d+) fen.*");

    @Inject
    @Location("grants.html")
    Template grants;

    @Inject
    Api api;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return page(Form.empty()).data("done", done);
    }

    @SuppressWarnings("unchecked")
    private TemplateInstance page(Form form) {
        String token = viewer.token();
        boolean decides = viewer.user().is("health-reviewer");
        List<Object> answers = api.all(() -> api.list("/api/subsidy/grants", token),
                () -> decides ? api.list("/api/subsidy/institutions?size=500", token) : List.of());
        List<Object> candidates = ((List<Object>) answers.get(1)).stream().map(i -> (Map<String, Object>) i)
                .filter(i -> "CHILDCARE".equals(i.get("sector")) && "FILED".equals(i.get("filingStatus")))
                .<Object>map(i -> i).toList();
        return views.page(grants).data("grants", answers.get(0)).data("institutions", candidates)
                .data("decides", decides).data("form", form).data("done", null);
    }

    @POST
    @Path("/demonstration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response demonstration(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        try {
            Map<String, String> local = new LinkedHashMap<>();
            Long fen = fen(form.v("amount"), local);
            if (form.v("institutionId").isEmpty()) {
                local.put("institutionId", "请选择机构");
            }
            if (form.v("decisionNumber").isBlank()) {
                local.put("decisionNumber", "请填写认定文号");
            }
            if (form.v("reason").isBlank()) {
                local.put("reason", "请填写认定理由");
            }
            if (!local.isEmpty()) {
                throw ApiError.local(local);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("institutionId", form.v("institutionId"));
            body.put("amountFen", fen);
            body.put("reason", form.v("reason").strip());
            body.put("decisionNumber", form.v("decisionNumber").strip());
            api.call("POST", "/api/subsidy/grants/demonstration", viewer.token(), body);
            return Views.seeOther("/portal/grants?done=decided");
        } catch (ApiError e) {
            return views.html(e.status, page(form.error(amountAtTheField(e))));
        }
    }

    /** Yuan as typed (at most two decimals) → fen; null and a message when it is not an amount. */
    static Long fen(String yuan, Map<String, String> local) {
        try {
            BigDecimal amount = new BigDecimal(yuan.strip());
            if (amount.signum() <= 0 || amount.scale() > 2) {
                local.put("amount", "请填写大于 0 的金额，最多两位小数");
                return null;
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            local.put("amount", "请填写金额（元）");
            return null;
        }
    }

    /** The API names the amount in fen (amountFen); the form asks for yuan (amount). */
    static ApiError amountAtTheField(ApiError e) {
        String message = e.fields.get("amountFen");
        if (message == null) {
            return e;
        }
        Matcher atMost = AT_MOST.matcher(message);
        Map<String, String> fields = new LinkedHashMap<>(e.fields);
        fields.remove("amountFen");
        fields.put("amount", atMost.matches()
                ? "超过单笔上限 " + new BigDecimal(atMost.group(1)).movePointLeft(2).toPlainString() + " 元" : message);
        return new ApiError(e.status, e.code, e.title, e.detail, fields);
    }
}
