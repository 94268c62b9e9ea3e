package care.portal;

import care.portal.client.RegistryClient;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 名册争议: one person claimed by two institutions for overlapping times. Reviewers, the city admin and the auditor
 * read the disputes of their area with every claim; the competent reviewer of the county of the later claim (the
 * registry's {@code decidable}) decides which claim stands, with a reason. The registry decides who may do what; the
 * page only leaves out the form for those it would refuse.
 */
@Path("/portal/disputes")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class DisputePages {

    static final int PAGE_SIZE = 50;

    @Inject
    @Location("disputes.html")
    Template disputes;

    @Inject
    @Location("dispute.html")
    Template dispute;

    @Inject
    @RestClient
    RegistryClient registry;

    @Inject
    Views views;

    @GET
    public TemplateInstance list(@RestQuery String status, @RestQuery String page) {
        String state = "DECIDED".equals(status) ? "DECIDED" : "OPEN";
        int pageNo = PublicPages.parsePage(page);
        RegistryClient.DisputePage result = registry.disputes(state, PAGE_SIZE, pageNo);
        long total = result.total();
        int pages = (int) Math.min(500, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return views.page(disputes).data("result", result).data("status", state).data("page", pageNo)
                .data("pages", pages).data("prevPage", pageNo - 1).data("nextPage", pageNo + 1)
                .data("pageLabel", pageNo + 1);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@RestPath String id, @RestQuery String done) {
        return detail(Views.id(id), Form.empty()).data("done", done);
    }

    private TemplateInstance detail(String id, Form form) {
        return views.page(dispute).data("d", registry.dispute(id)).data("form", form).data("done", null);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@RestPath String id, MultivaluedMap<String, String> input) {
        String disputeId = Views.id(id);
        Form form = Form.of(input);
        // both fields known to the form even when nothing was chosen, so their messages go beside them
        form.set("standingStaffId", form.v("standingStaffId")).set("reason", form.v("reason"));
        try {
            registry.decide(disputeId, body(form));
            return Views.seeOther("/portal/disputes/" + disputeId + "?done=decided");
        } catch (ApiError e) {
            // the dispute as it is now (a colleague may have decided it meanwhile), with what was chosen and typed
            return views.html(e.status, detail(disputeId, form.error(e)));
        }
    }

    /** The decision for the API; a claim not chosen or a reason not given is said at its field before any request. */
    static Map<String, Object> body(Form form) {
        Map<String, String> local = new LinkedHashMap<>();
        String standing = form.v("standingStaffId").strip();
        if (standing.isEmpty()) {
            local.put("standingStaffId", "请选择认定的登记");
        } else {
            try {
                standing = UUID.fromString(standing).toString();
            } catch (IllegalArgumentException e) {
                local.put("standingStaffId", "请选择本争议中的一项登记");
            }
        }
        String reason = form.v("reason").strip();
        if (reason.isEmpty()) {
            local.put("reason", "请填写核实理由");
        } else if (reason.length() > 500) {
            local.put("reason", "核实理由不能超过 500 字");
        }
        if (!local.isEmpty()) {
            throw ApiError.local(local);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("standingStaffId", standing);
        body.put("reason", reason);
        return body;
    }
}
