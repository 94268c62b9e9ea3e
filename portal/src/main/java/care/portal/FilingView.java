package care.portal;

import care.portal.client.FilingClient;
import care.portal.client.Parallel;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;

/**
 * The filing page both sides share (facts, checklist, history; the institution's buttons or the reviewer's
 * decisions, by role) and a workflow step taken from it: {@link FilingPages} and {@link ReviewPages} use it.
 */
@ApplicationScoped
public class FilingView {

    private final Template filing;
    private final FilingClient filings;
    private final Parallel parallel;
    private final Views views;

    public FilingView(@Location("filing.html") Template filing, @RestClient FilingClient filings, Parallel parallel,
                      Views views) {
        this.filing = filing;
        this.filings = filings;
        this.parallel = parallel;
        this.views = views;
    }

    /** The page of one filing; its three answers are asked at once. */
    TemplateInstance page(String id, Form form) {
        var f = parallel.start(() -> filings.filing(id));
        var materials = parallel.start(() -> filings.materials(id));
        var history = parallel.start(() -> filings.history(id));
        FilingClient.Filing shown = Parallel.join(f);
        if (form.v("approveComment").isEmpty()) {
            form.set("approveComment", "材料齐全，准予备案");
        }
        String status = shown.status();
        return views.page(filing).data("f", shown).data("materials", Parallel.join(materials))
                .data("history", Parallel.join(history)).data("form", form)
                .data("editable", "DRAFT".equals(status) || "RETURNED".equals(status)).data("done", null);
    }

    /** The same page again after a refusal, with what was typed and the API's messages at their fields. */
    Response again(String id, Form form, ApiError e) {
        return views.html(e.status, page(id, form.error(e)));
    }

    /** A step of the workflow; the page again with the refusal if the API refuses it. */
    Response act(String id, String action, Map<String, Object> body, Form form, String done) {
        String filingId = Views.id(id);
        try {
            filings.act(filingId, action, body);
            return Views.seeOther("/portal/filings/" + filingId + "?done=" + done);
        } catch (ApiError e) {
            return again(filingId, form, e);
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
