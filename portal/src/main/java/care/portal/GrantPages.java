package care.portal;

import care.portal.client.Parallel;
import care.portal.client.SubsidyClient;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 补助决定: the grant decisions of the caller's city (with their payment status), the county health reviewer's
 * 示范性 decision for a filed 托育 institution of its area, and a county reviewer's 建设补贴 (capacity) decision for a
 * filed institution of its sector; the batch of the programme pays them.
 */
@Path("/portal/grants")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class GrantPages {

    private static final Pattern AT_MOST = Pattern.compile("at most (\\d+) fen.*");
    /** The capacity form's inputs: prefixed, as the 示范性 form on the same page has the same API field names. */
    static final String CAPACITY_INSTITUTION = "capacity-institutionId";
    static final String CAPACITY_REASON = "capacity-reason";
    /** Refusals of a capacity decision that are about the institution chosen (no field in the problem). */
    private static final Map<String, String> ABOUT_THE_INSTITUTION = Map.of(
            "NO_NEW_CAPACITY", "没有新增备案的床位/托位：已补助的数量已达现备案数",
            "ALREADY_DECIDED", "本月已为该机构作出过建设补贴决定",
            "NOT_FILED", "机构未备案或已注销",
            "NO_PROGRAMME", "本市没有该领域的建设补贴项目",
            "NO_PARAMETERS", "该补贴项目尚未设定补贴标准（每床位/托位金额），请市级管理员先设定",
            "NOT_FOUND", "机构不在本辖区");

    @Inject
    @Location("grants.html")
    Template grants;

    @Inject
    @RestClient
    SubsidyClient subsidy;

    @Inject
    Parallel parallel;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return page(Form.empty()).data("done", done);
    }

    private TemplateInstance page(Form form) {
        User user = viewer.user();
        boolean decides = user.is("health-reviewer");
        // the API lets the reviewer of the institution's sector decide: 卫健 托育, 民政 养老
        boolean decidesCapacity = user.decides();
        String sector = decides ? "CHILDCARE" : "ELDERLY";
        var decided = parallel.start(subsidy::grants);
        var institutions = parallel.start(() -> decidesCapacity ? subsidy.institutions(500)
                : List.<SubsidyClient.InstitutionView>of());
        List<SubsidyClient.InstitutionView> candidates = Parallel.join(institutions).stream()
                .filter(i -> sector.equals(i.sector()) && "FILED".equals(i.filingStatus())).toList();
        // a capacity decision counts beds/托位 (units); a 示范性 one has none
        Map<Boolean, List<SubsidyClient.Grant>> byKind = Parallel.join(decided).stream()
                .collect(java.util.stream.Collectors.partitioningBy(g -> g.units() != null));
        return views.page(grants).data("grants", byKind.get(false)).data("capacityGrants", byKind.get(true))
                .data("institutions", candidates).data("decides", decides).data("decidesCapacity", decidesCapacity)
                .data("form", form).data("done", null);
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
            subsidy.decideDemonstration(body);
            return Views.seeOther("/portal/grants?done=decided");
        } catch (ApiError e) {
            return views.html(e.status, page(form.error(amountAtTheField(e))));
        }
    }

    @POST
    @Path("/capacity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response capacity(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        try {
            Map<String, String> local = new LinkedHashMap<>();
            if (form.v(CAPACITY_INSTITUTION).isEmpty()) {
                local.put(CAPACITY_INSTITUTION, "请选择机构");
            }
            if (form.v(CAPACITY_REASON).isBlank()) {
                local.put(CAPACITY_REASON, "请填写补助理由");
            }
            if (!local.isEmpty()) {
                throw ApiError.local(local);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("institutionId", form.v(CAPACITY_INSTITUTION));
            body.put("reason", form.v(CAPACITY_REASON).strip());
            subsidy.decideCapacity(body);
            return Views.seeOther("/portal/grants?done=capacity");
        } catch (ApiError e) {
            return views.html(e.status, page(form.error(capacityAtTheFields(e))));
        }
    }

    /** The API's field names and its refusals about the institution, placed at the capacity form's inputs. */
    static ApiError capacityAtTheFields(ApiError e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.fields.forEach((field, message) -> fields.put(switch (field) {
            case "institutionId" -> CAPACITY_INSTITUTION;
            case "reason" -> CAPACITY_REASON;
            default -> field;
        }, message));
        String about = ABOUT_THE_INSTITUTION.get(e.code);
        if (about != null) {
            fields.putIfAbsent(CAPACITY_INSTITUTION, about);
        }
        return new ApiError(e.status, e.code, e.title, e.detail, fields);
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
