package care.portal.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * registry-service through the gateway, as the logged-in user: the institution's own record, its sites, its roster,
 * and the roster disputes. The records hold what the pages show; the registry's other fields are ignored.
 */
@RegisterRestClient(configKey = "registry")
@RegisterProvider(ProblemMapper.class)
@AccessToken
@Path("/api/institutions")
public interface RegistryClient {

    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** An institution account sees exactly its own institution (none until its 新设备案 is approved). */
    @GET
    InstitutionPage list(@QueryParam("size") int size);

    /** The institution of this USCC, if the caller may see it (a reviewer: of its sector and area). */
    @GET
    InstitutionPage byUscc(@QueryParam("q") String uscc, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    Institution institution(@PathParam("id") String id);

    @PUT
    @Path("/{id}/contacts")
    void contacts(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> contacts);

    @GET
    @Path("/{id}/sites/{siteId}")
    Site site(@PathParam("id") String id, @PathParam("siteId") String siteId);

    @PUT
    @Path("/{id}/sites/{siteId}/capacity")
    void capacity(@PathParam("id") String id, @PathParam("siteId") String siteId,
                  @HeaderParam("If-Match") String ifMatch, Map<String, Object> capacity);

    @GET
    @Path("/{id}/staff")
    StaffPage staff(@PathParam("id") String id, @QueryParam("size") int size);

    @GET
    @Path("/{id}/staff/{staffId}")
    Staff staffEntry(@PathParam("id") String id, @PathParam("staffId") String staffId);

    @POST
    @Path("/{id}/staff")
    Staff addStaff(@PathParam("id") String id, Map<String, Object> person);

    /** 200 saved, 202 saved but waiting for the county (status DISPUTED); a stale If-Match is 409. */
    @PUT
    @Path("/{id}/staff/{staffId}")
    Staff updateStaff(@PathParam("id") String id, @PathParam("staffId") String staffId,
                      @HeaderParam("If-Match") String ifMatch, Map<String, Object> person);

    @GET
    @Path("/{id}/staff/export.{format}")
    @Produces(MediaType.WILDCARD)
    Response exportStaff(@PathParam("id") String id, @PathParam("format") String format);

    @GET
    @Path("/{id}/staff/import-template.xlsx")
    @Produces(MediaType.WILDCARD)
    Response staffImportTemplate(@PathParam("id") String id);

    /** New entries from an XLSX, all or none (422 IMPORT_ROWS_INVALID with the violations by row). */
    @POST
    @Path("/{id}/staff/import")
    @Consumes(XLSX)
    StaffImport importStaff(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, byte[] file);

    @GET
    @Path("/staff-disputes")
    DisputePage disputes(@QueryParam("status") String status, @QueryParam("size") int size,
                         @QueryParam("page") int page);

    @GET
    @Path("/staff-disputes/{id}")
    Dispute dispute(@PathParam("id") String id);

    @POST
    @Path("/staff-disputes/{id}/decision")
    void decide(@PathParam("id") String id, Map<String, Object> decision);

    @TemplateData
    record InstitutionPage(List<InstitutionSummary> items) {
    }

    @TemplateData
    record InstitutionSummary(String id, String name, String filingStatus) {
    }

    @TemplateData
    record Institution(String id, String uscc, String name, String sector, String sectorLabel, String kind,
                       String kindLabel, String ownership, String ownershipLabel, String cityCode,
                       String divisionCode, String divisionName, String address,
                       String legalRepresentative, String contactPerson, String contactPhone, String contactEmail,
                       Integer capacity, boolean inclusive, boolean demonstration, String filingStatus,
                       String filingNumber, String filedOn, List<Site> sites, Long version) {
    }

    @TemplateData
    record Site(String id, boolean main, String name, String divisionName, String townshipCode, String address,
                String filingNumber, Integer filedCapacity, Beds beds, Slots slots, List<Label> services,
                Integer occupied, Long version, String divisionCode) {
    }

    @TemplateData
    record Beds(Integer total, Integer nursing, Integer inclusive, Integer safetyNet, Integer medical) {
    }

    @TemplateData
    record Slots(Integer total, Integer inclusive, Integer infant, Integer toddler, Integer older,
                 List<Label> careModes) {
    }

    /** A code with the registry's Chinese name for it (a service, a 托育方式). */
    @TemplateData
    record Label(String code, String label) {
    }

    @TemplateData
    record StaffPage(List<Staff> items) {
    }

    @TemplateData
    record Staff(String id, String name, String role, String roleLabel, String citizenIdMasked,
                 String certificateType, String certificateGrade, String certificateGradeLabel,
                 String certificateNumber, String certificateIssuedOn, String certificateValidUntil,
                 boolean certificateValid, String employedFrom, String employedUntil, boolean employed,
                 String status, String statusLabel, String certificateState, String certificateStateLabel,
                 boolean head, String education, long version) {
    }

    /** What an import added: {@code added} in all, {@code disputed} of them waiting for the county. */
    @TemplateData
    record StaffImport(int added, int disputed) {

        /** Those on the roster at once (the rest wait for the county). */
        public int registered() {
            return added - disputed;
        }
    }

    @TemplateData
    record DisputePage(List<Dispute> items, long total) {
    }

    @TemplateData
    record Dispute(String id, String status, String maskedCitizenId, String openedAt, String decidingSector,
                   String decidingDivisionCode, boolean decidable, String disputingStaffId, String standingStaffId,
                   String decidedBy, String decidedAt, String reason, List<Claim> claims) {
    }

    /** One institution's roster entry of the disputed person. */
    @TemplateData
    record Claim(String staffId, String institutionName, String institutionUscc, String sector, String divisionCode,
                 String name, String roleLabel, String employedFrom, String employedUntil, String claimedAt,
                 String certificateType, String certificateGrade, String certificateGradeLabel,
                 String certificateNumber, String certificateIssuedOn, String certificateValidUntil, String status,
                 String outcome) {
    }
}
