package care.registry.audit.rest;

import care.contracts.http.Pages;
import care.contracts.security.Roles;
import care.registry.access.Access;
import care.registry.audit.domain.AuditEntryRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit trail of the register, for the city admin and auditor of the city it concerns. */
@Tag(name = "Audit", description = "审计记录 (who changed what in the register, and when)")
@Path("/api/institutions/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
public class AuditResource {

    private final AuditEntryRepository entries;
    private final Access access;

    public AuditResource(AuditEntryRepository entries, Access access) {
        this.entries = entries;
        this.access = access;
    }

    public record Entry(long id, Instant at, String actor, String action, String entity, UUID entityId,
                        UUID institutionId, String divisionCode, String detail) {
    }

    @GET
    @Transactional
    @Operation(operationId = "searchAudit", summary = "审计记录",
            description = "Who changed what and when, newest first, in the caller's city")
    public List<Entry> search(@QueryParam("institutionId") UUID institutionId,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String city = access.auditCity();
        return entries.search(city, institutionId, page, size).stream()
                .map(e -> new Entry(e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.institutionId,
                        e.divisionCode, e.detail))
                .toList();
    }
}
