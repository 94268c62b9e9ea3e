package care.portal;

import care.portal.client.FilingClient;
import care.portal.client.Parallel;
import care.portal.client.RegistryClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
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
        List<FilingClient.Material> checklist = Parallel.join(materials);
        Map<String, String> names = new java.util.HashMap<>();
        checklist.forEach(m -> names.put(m.code(), m.name()));
        List<FilingClient.HistoryEntry> entries = Parallel.join(history);
        Map<String, String> flagged = new java.util.HashMap<>();
        if ("RETURNED".equals(status) && shown.returnItems() != null) {
            shown.returnItems().forEach(r -> flagged.put(r.material() != null ? r.material() : r.field(), r.reason()));
        }
        return views.page(filing).data("f", shown).data("materials", checklist)
                .data("history", entries.stream().map(h -> HistoryLine.of(h, names)).toList())
                .data("returnNote", "RETURNED".equals(status) ? returnNote(entries) : null).data("flagged", flagged)
                .data("form", form).data("changes", changes)
                .data("editable", "DRAFT".equals(status) || "RETURNED".equals(status)).data("done", null);
    }

    /**
     * One line of a filing's history as a person reads it. A return's record holds the reviewer's note and then the
     * items as the API stored them (a JSON array): shown as sentences, each material by its name, each field by its
     * label, never the stored JSON.
     */
    @TemplateData
    public record HistoryLine(String at, String actor, String action, String fromStatus, String toStatus,
                              String comment) {

        static HistoryLine of(FilingClient.HistoryEntry h, Map<String, String> materialNames) {
            return new HistoryLine(h.at(), h.actor(), h.action(), h.fromStatus(), h.toStatus(),
                    "RETURN".equals(h.action()) ? returnText(h.comment(), materialNames) : h.comment());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reviewer's note of a return record (the text before its items), or null. */
    static String note(String comment) {
        if (comment == null) {
            return null;
        }
        int items = comment.lastIndexOf('[');
        String note = (items >= 0 && comment.strip().endsWith("]") ? comment.substring(0, items) : comment).strip();
        return note.isEmpty() ? null : note;
    }

    /** A return record in sentences: "请补正承诺书：未盖章；联系电话：格式有误。" after the reviewer's note. */
    static String returnText(String comment, Map<String, String> materialNames) {
        if (comment == null) {
            return null;
        }
        int start = comment.lastIndexOf('[');
        List<String> parts = new ArrayList<>();
        if (start >= 0 && comment.strip().endsWith("]")) {
            try {
                for (JsonNode item : JSON.readTree(comment.substring(start))) {
                    String material = item.path("material").asText(null);
                    String field = item.path("field").asText(null);
                    String what = material != null ? "材料“" + materialNames.getOrDefault(material, "申报材料") + "”"
                            : Labels.INSTANCE.field(field);
                    String reason = item.path("reason").asText("");
                    parts.add(reason.isBlank() ? what : what + "：" + reason);
                }
            } catch (IOException e) {
                return comment; // not the stored shape: as it was written
            }
        }
        String note = note(comment);
        String items = parts.isEmpty() ? "" : "需补正" + String.join("；", parts) + "。";
        return note == null ? items : items.isEmpty() ? note : note.replaceAll("[。．.]+$", "") + "。" + items;
    }

    /** The note of the latest return, for the box of what to fix (the filing itself keeps only the items). */
    static String returnNote(List<FilingClient.HistoryEntry> history) {
        return history.stream().filter(h -> "RETURN".equals(h.action()) && h.at() != null)
                .max(java.util.Comparator.comparing(FilingClient.HistoryEntry::at)) // ISO instants: text order is time order
                .map(h -> note(h.comment())).orElse(null);
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
