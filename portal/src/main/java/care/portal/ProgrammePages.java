package care.portal;

import care.portal.client.SubsidyClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
    @RestClient
    SubsidyClient subsidy;

    @Inject
    Views views;

    @GET
    public TemplateInstance list() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Programme> rows = subsidy.programmes().stream().map(p -> withValidity(p, today)).toList();
        return views.page(programmes).data("programmes", rows);
    }

    @GET
    @Path("/{code}")
    public TemplateInstance show(@RestPath String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ApiError(404, "NOT_FOUND", "记录不存在", "not a programme code: " + code, Map.of());
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return views.page(programme).data("p", withValidity(subsidy.programme(code), today));
    }

    /** A programme as the pages show it: each version with its validity and its parameters in words. */
    @TemplateData
    public record Programme(String code, String name, String kind, String kindName, String sector, String cityCode,
                            String source, String document, String section, String sentence, List<Version> versions,
                            Version current, String state) {
    }

    @TemplateData
    public record Version(String effectiveFrom, String until, boolean inForce, String params, String eligible,
                          String source, String createdBy, String createdAt, String extendedBy, String extendedAt,
                          String extensionSource) {
    }

    /**
     * Each version (oldest first, as the API gives them) valid until its own end or the day before the next one,
     * whichever comes first; the one in force today marked, and its parameters in words for the list. The programme
     * is 现行 while a version covers today, 已到期 once the last has ended, 尚未设定参数 before any.
     */
    static Programme withValidity(SubsidyClient.Programme programme, LocalDate today) {
        List<SubsidyClient.ProgrammeVersion> given = programme.versions() == null ? List.of() : programme.versions();
        List<Version> versions = new ArrayList<>();
        Version current = null;
        for (int i = 0; i < given.size(); i++) {
            SubsidyClient.ProgrammeVersion v = given.get(i);
            LocalDate from = LocalDate.parse(v.effectiveFrom());
            LocalDate until = i + 1 < given.size() ? LocalDate.parse(given.get(i + 1).effectiveFrom()).minusDays(1) : null;
            if (v.effectiveUntil() != null) {
                LocalDate own = LocalDate.parse(v.effectiveUntil());
                until = until == null || own.isBefore(until) ? own : until;
            }
            boolean inForce = !from.isAfter(today) && (until == null || !until.isBefore(today));
            Version shown = new Version(v.effectiveFrom(), until == null ? null : until.toString(), inForce, params(v),
                    eligible(v), v.source(), v.createdBy(), v.createdAt(), v.extendedBy(), v.extendedAt(),
                    v.extensionSource());
            if (inForce) {
                current = shown;
            }
            versions.add(shown);
        }
        String state = current != null ? "现行" : versions.isEmpty() ? "尚未设定参数" : "已到期";
        return new Programme(programme.code(), programme.name(), programme.kind(), programme.kindName(),
                programme.sector(), programme.cityCode(), programme.source(), programme.document(),
                programme.section(), programme.sentence(), versions, current, state);
    }

    /**
     * Who the version pays: the staff role and certificate types (护理补助), the kinds and 举办性质 of the
     * institution, and for capacity grants the baseline and whether only 普惠 capacity counts.
     */
    static String eligible(SubsidyClient.ProgrammeVersion version) {
        List<String> parts = new ArrayList<>();
        if (version.eligibleRole() != null) {
            parts.add(Labels.INSTANCE.staffRoles.getOrDefault(version.eligibleRole(), version.eligibleRole()));
        }
        List<String> ownerships = version.eligibleOwnerships();
        if (ownerships != null && !ownerships.isEmpty()) {
            parts.add(String.join("、", ownerships.stream().map(Labels.INSTANCE::ownership).toList()));
        }
        if (version.eligibleKinds() != null && !version.eligibleKinds().isEmpty()) {
            parts.add(String.join("、", version.eligibleKinds().stream()
                    .map(k -> Labels.INSTANCE.kindNames.getOrDefault(k, k)).toList()));
        }
        if (version.eligibleCertificateTypes() != null && !version.eligibleCertificateTypes().isEmpty()) {
            parts.add("持" + String.join("、", version.eligibleCertificateTypes().stream()
                    .map(t -> Labels.INSTANCE.certificateTypes.getOrDefault(t, t)).toList()));
        }
        if (version.baselineDate() != null) {
            parts.add(version.baselineDate() + " 之后备案新增的" + (version.inclusiveOnly() ? "普惠性" : "") + "床位或托位");
        } else if (version.inclusiveOnly()) {
            parts.add("仅普惠性");
        }
        return parts.isEmpty() ? "—" : String.join("；", parts);
    }

    /** The parameters in 元: the rate per grade or per bed/托位, or the ceiling of one decision. */
    static String params(SubsidyClient.ProgrammeVersion version) {
        List<String> parts = new ArrayList<>();
        if (version.ratesFen() != null) {
            version.ratesFen().forEach((key, fen) -> parts.add(Labels.INSTANCE.rateKey(key) + " " + Fmt.yuan(fen) + " 元"));
        }
        if (version.maxAmountFen() != null) {
            parts.add("单笔上限 " + Fmt.yuan(version.maxAmountFen()) + " 元");
        }
        return parts.isEmpty() ? "未设定金额" : String.join("；", parts);
    }
}
