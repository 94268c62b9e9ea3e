package care.portal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 补贴项目 (read only): the programmes of the caller's city and their effective-dated parameter versions, amounts in
 * 元. A city admin adds a version through the API; earlier months keep theirs, so every version is shown.
 */
@Path("/portal/programmes")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ProgrammePages {

    /** Programme codes have hyphens (KM-DEMO-GRANT), which Views.code does not allow. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{0,39}");

    @Inject
    @Location("programmes.html")
    Template programmes;

    @Inject
    @Location("programme.html")
    Template programme;

    @Inject
    Api api;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @GET
    @SuppressWarnings("unchecked")
    public TemplateInstance list() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Object> rows = api.list("/api/subsidy/programmes", viewer.token()).stream()
                .<Object>map(p -> withValidity((Map<String, Object>) p, today)).toList();
        return views.page(programmes).data("programmes", rows);
    }

    @GET
    @Path("/{code}")
    public TemplateInstance show(@RestPath String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ApiError(404, "NOT_FOUND", "记录不存在", "not a programme code: " + code, Map.of());
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return views.page(programme).data("p", withValidity(api.map("/api/subsidy/programmes/" + code,
                viewer.token()), today));
    }

    /**
     * Each version (oldest first, as the API gives them) valid until its own end or the day before the next one,
     * whichever comes first; the one in force today marked, and its parameters in words for the list. The programme
     * is 现行 while a version covers today, 已到期 once the last has ended, 尚未设定参数 before any.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withValidity(Map<String, Object> programme, LocalDate today) {
        Map<String, Object> p = new LinkedHashMap<>(programme);
        List<Object> given = (List<Object>) programme.getOrDefault("versions", List.of());
        List<Object> versions = new ArrayList<>();
        Object current = null;
        for (int i = 0; i < given.size(); i++) {
            Map<String, Object> v = new LinkedHashMap<>((Map<String, Object>) given.get(i));
            LocalDate from = LocalDate.parse(String.valueOf(v.get("effectiveFrom")));
            LocalDate until = i + 1 < given.size()
                    ? LocalDate.parse(String.valueOf(((Map<String, Object>) given.get(i + 1)).get("effectiveFrom"))).minusDays(1)
                    : null;
            if (v.get("effectiveUntil") != null) {
                LocalDate own = LocalDate.parse(String.valueOf(v.get("effectiveUntil")));
                until = until == null || own.isBefore(until) ? own : until;
            }
            v.put("until", until == null ? null : until.toString());
            v.put("params", params(v));
            v.put("eligible", eligible(v));
            boolean inForce = !from.isAfter(today) && (until == null || !until.isBefore(today));
            v.put("inForce", inForce);
            if (inForce) {
                current = v;
            }
            versions.add(v);
        }
        p.put("versions", versions);
        p.put("current", current);
        p.put("state", current != null ? "现行" : versions.isEmpty() ? "尚未设定参数" : "已到期");
        return p;
    }

    /** Who the version pays: the staff role (nursing allowance) and the 举办性质 of their institution. */
    @SuppressWarnings("unchecked")
    static String eligible(Map<String, Object> version) {
        List<String> parts = new ArrayList<>();
        if (version.get("eligibleRole") != null) {
            parts.add(Labels.INSTANCE.staffRoles.getOrDefault(String.valueOf(version.get("eligibleRole")),
                    String.valueOf(version.get("eligibleRole"))));
        }
        List<Object> ownerships = (List<Object>) version.get("eligibleOwnerships");
        if (ownerships != null && !ownerships.isEmpty()) {
            parts.add(String.join("、", ownerships.stream().map(Labels.INSTANCE::ownership).toList()));
        }
        return parts.isEmpty() ? "—" : String.join("；", parts);
    }

    /** The parameters in 元: the rate per grade or per bed/托位, or the ceiling of one decision. */
    @SuppressWarnings("unchecked")
    static String params(Map<String, Object> version) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> rates = (Map<String, Object>) version.get("ratesFen");
        if (rates != null) {
            rates.forEach((key, fen) -> parts.add(Labels.INSTANCE.rateKey(key) + " " + Fmt.yuan(fen) + " 元"));
        }
        if (version.get("maxAmountFen") != null) {
            parts.add("单笔上限 " + Fmt.yuan(version.get("maxAmountFen")) + " 元");
        }
        return parts.isEmpty() ? "未设定金额" : String.join("；", parts);
    }
}
