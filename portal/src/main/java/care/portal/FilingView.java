package care.portal;

import care.portal.client.FilingClient;
import care.portal.client.Parallel;
import care.portal.client.RegistryClient;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final RegistryClient registry;

    public FilingView(@Location("filing.html") Template filing, @RestClient FilingClient filings, Parallel parallel,
                      Views views, @RestClient RegistryClient registry) {
        this.filing = filing;
        this.registry = registry;
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
        List<Change> changes = OPEN.contains(shown.status()) && "CHANGE".equals(shown.type())
                ? changes(filed(shown.uscc()), shown) : null;
        if (form.v("approveComment").isEmpty()) {
            form.set("approveComment", "材料齐全，准予备案");
        }
        String status = shown.status();
        return views.page(filing).data("f", shown).data("materials", Parallel.join(materials))
                .data("history", Parallel.join(history)).data("form", form).data("changes", changes)
                .data("editable", "DRAFT".equals(status) || "RETURNED".equals(status)).data("done", null);
    }

    /** The statuses in which a CHANGE still waits for its decision: the register still holds what it changes. */
    static final Set<String> OPEN = Set.of("DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED");

    /** One line of a 变更备案 as the reviewer compares it: what is filed, what the change asks for. */
    @TemplateData
    public record Change(String label, String before, String after, boolean changed) {
    }

    /** The register's record of the filed institution, or null if the caller may not see it or it has none. */
    private RegistryClient.Institution filed(String uscc) {
        try {
            var found = registry.byUscc(uscc, 1).items();
            return found == null || found.isEmpty() ? null : registry.institution(found.get(0).id());
        } catch (ApiError e) {
            return null; // the comparison is a help; the filing's own facts are still shown
        }
    }

    /**
     * The change's facts beside the filed ones (the main site's filed capacity, as a CHANGE states it); a fact the
     * change leaves out keeps its filed value. Null when nothing is filed to compare with.
     */
    static List<Change> changes(RegistryClient.Institution filed, FilingClient.Filing change) {
        if (filed == null) {
            return null;
        }
        Labels labels = Labels.INSTANCE;
        Integer capacity = filed.sites() == null ? null : filed.sites().stream().filter(RegistryClient.Site::main)
                .map(RegistryClient.Site::filedCapacity).findFirst().orElse(filed.capacity());
        List<Change> lines = new ArrayList<>();
        line(lines, "机构名称", filed.name(), change.institutionName());
        line(lines, "机构类型", labels.kind(filed.kind()), change.kind() == null ? null : labels.kind(change.kind()));
        line(lines, "举办性质", labels.ownership(filed.ownership()),
                change.ownership() == null ? null : labels.ownership(change.ownership()));
        line(lines, "地址", filed.address(), change.address());
        line(lines, "法定代表人", filed.legalRepresentative(), change.legalRepresentative());
        line(lines, "联系电话", filed.contactPhone(), change.contactPhone());
        line(lines, "床位/托位数", capacity == null ? null : capacity.toString(),
                change.capacity() == null ? null : change.capacity().toString());
        return lines;
    }

    private static void line(List<Change> lines, String label, String before, String after) {
        String was = nz(before);
        String now = after == null || after.isBlank() ? was : after.strip();
        lines.add(new Change(label, was, now, !was.equals(now)));
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
