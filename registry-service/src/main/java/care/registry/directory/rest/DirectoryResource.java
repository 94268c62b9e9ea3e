package care.registry.directory.rest;

import care.contracts.event.Sector;
import care.contracts.problem.ProblemException;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.institution.domain.InstitutionRepository.DirectoryFilter;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
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

import java.util.UUID;

/** The anonymous public directory (信息公开): filed institutions only. */
@Path("/api/directory/institutions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DirectoryResource {

    private final InstitutionRepository institutions;

    public DirectoryResource(InstitutionRepository institutions) {
        this.institutions = institutions;
    }

    @GET
    @Operation(summary = "Search filed institutions by city, county, sector and name")
    public DirectoryPage search(@QueryParam("city") @Pattern(regexp = "\\d{6}") String city,
                                @QueryParam("county") @Pattern(regexp = "\\d{6}") String county,
                                @QueryParam("sector") @Pattern(regexp = "ELDERLY|CHILDCARE") String sector,
                                @QueryParam("q") @Size(max = 50) String text,
                                @QueryParam("sort") @DefaultValue("name") @Pattern(regexp = "name|filedOn|capacity") String sort,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = institutions.directory(new DirectoryFilter(city, county,
                sector == null ? null : Sector.valueOf(sector), blankToNull(text)),
                Sort.by(sort).and("id"));
        var items = query.page(Page.of(page, size)).list().stream().map(DirectoryEntry::of).toList();
        return new DirectoryPage(items, query.count(), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One filed institution")
    public DirectoryEntry get(@PathParam("id") UUID id) {
        Institution institution = institutions.findById(id);
        if (institution == null || institution.filingStatus != FilingStatus.FILED) {
            throw ProblemException.notFound("institution", id);
        }
        return DirectoryEntry.of(institution);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
