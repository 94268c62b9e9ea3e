package care.registry.directory.rest;

import care.contracts.http.Pages;
import care.contracts.division.Divisions;
import care.contracts.event.InstitutionKind;
import care.contracts.event.Sector;
import care.contracts.problem.ProblemException;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository.DirectoryFilter;
import care.registry.institution.domain.InstitutionRepository.DirectoryOrder;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.site.domain.SiteRepository;
import care.registry.site.rest.SiteResponse;
import care.registry.supervision.domain.InspectionRepository;
import care.registry.supervision.rest.InspectionResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The anonymous public directory (信息公开): filed institutions only, never personal data. */
@Tag(name = "Directory", description = "信息公开：已备案机构名录，无需登录 (the anonymous public directory)")
@Path("/api/directory/institutions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DirectoryResource {

    /**
     * Matches are counted exactly up to this many; beyond it the page says "more than 1,000". Counting every match
     * of a broad search (a city, one character of a name) costs more than the page itself, and no one pages
     * through a thousand institutions: they narrow the search.
     */
    public static final int COUNT_CAP = 1_000;

    private final InstitutionRepository institutions;
    private final SiteRepository sites;
    private final InspectionRepository inspections;

    public DirectoryResource(InstitutionRepository institutions, SiteRepository sites, InspectionRepository inspections) {
        this.institutions = institutions;
        this.sites = sites;
        this.inspections = inspections;
    }

    @GET
    @Transactional
    @Operation(operationId = "searchDirectory", summary = "查询已备案机构",
            description = "Search filed institutions by city, county, sector, kind, 普惠, 示范 and text: a fragment of the "
                    + "name or address, or exactly a 统一社会信用代码 or 备案号")
    public DirectoryPage search(@QueryParam("city") @Pattern(regexp = "\\d{6}") String city,
                                @QueryParam("county") @Pattern(regexp = "\\d{6}") String county,
                                @QueryParam("sector") @Pattern(regexp = "ELDERLY|CHILDCARE") String sector,
                                @QueryParam("kind") @Pattern(regexp = "[A-Z_]{2,40}") String kind,
                                @QueryParam("inclusive") Boolean inclusive,
                                @QueryParam("demonstration") Boolean demonstration,
                                @QueryParam("q") @Size(max = 50) String text,
                                @QueryParam("sort") @DefaultValue("name")
                                @Pattern(regexp = "-?(name|filedOn|capacity)") String sort,
                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        InstitutionKind institutionKind = null;
        if (kind != null) {
            try {
                institutionKind = InstitutionKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("kind", "unknown institution kind " + kind);
            }
        }
        if (city != null && !Divisions.isCity(city)) {
            throw ProblemException.invalid("city", "城市代码 " + city + " 不在平台覆盖的行政区划中");
        }
        if (county != null && !Divisions.isCounty(county)) {
            throw ProblemException.invalid("county", "县（区）代码 " + county + " 不在平台覆盖的行政区划中");
        }
        if (county != null && city == null) { // a county lies in one city: lets the place index serve the query
            city = Divisions.cityOf(county).orElseThrow();
        }
        var filter = new DirectoryFilter(city, county, sector == null ? null : Sector.valueOf(sector), institutionKind,
                inclusive, demonstration, blankToNull(text));
        var order = DirectoryOrder.of(sort);
        int offset = Pages.offset(page, size);
        institutions.planForTheseValues();
        long counted = -1;
        boolean fewMatches = false;
        if (filter.text() != null) { // the count decides how to find a text search's page (see directoryPage)
            counted = institutions.directoryCount(filter, COUNT_CAP + 1);
            fewMatches = counted <= COUNT_CAP;
        }
        List<UUID> ids = fewMatches && offset >= counted ? List.of()
                : institutions.directoryPage(filter, order, offset, size, fewMatches);
        if (counted < 0) { // a short page tells the total; only a full one needs counting
            counted = ids.size() < size && (page == 0 || !ids.isEmpty()) ? (long) offset + ids.size()
                    : institutions.directoryCount(filter, COUNT_CAP + 1);
        }
        var items = institutions.findOrdered(ids).stream().map(DirectoryEntry::of).toList();
        return new DirectoryPage(items, Math.min(counted, COUNT_CAP), counted <= COUNT_CAP, page, size);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getDirectoryEntry", summary = "已备案机构详情",
            description = "One filed institution with its sites, capacity and disclosed inspections")
    public DirectoryDetail get(@PathParam("id") UUID id) {
        Institution institution = institutions.findById(id);
        if (institution == null || institution.filingStatus != FilingStatus.FILED) {
            throw ProblemException.notFound("institution", id);
        }
        return new DirectoryDetail(DirectoryEntry.of(institution), institution.creditLevel,
                sites.ofInstitution(id).stream().map(SiteResponse::of).toList(),
                inspections.of(id, true).stream().map(InspectionResponse::disclosed).toList());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
