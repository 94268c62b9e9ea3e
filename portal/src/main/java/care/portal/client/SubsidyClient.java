package care.portal.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * subsidy-service through the gateway, as the logged-in user: grant decisions, the institutions they may be made
 * for, batches with their figures and lines, programmes, the ledger's reconciliation and CSV exports.
 */
@RegisterRestClient(configKey = "subsidy")
@RegisterProvider(ProblemMapper.class)
@AccessToken
@Path("/api/subsidy")
public interface SubsidyClient {

    @GET
    @Path("/grants")
    List<Grant> grants();

    @POST
    @Path("/grants/demonstration")
    void decideDemonstration(Map<String, Object> decision);

    @POST
    @Path("/grants/capacity")
    void decideCapacity(Map<String, Object> decision);

    /** The subsidy service's read model of the institutions of the caller's area. */
    @GET
    @Path("/institutions")
    List<InstitutionView> institutions(@QueryParam("size") int size);

    @GET
    @Path("/batches")
    List<Batch> batches(@QueryParam("size") int size);

    @POST
    @Path("/batches")
    Batch generate(Map<String, Object> batch);

    @GET
    @Path("/batches/{id}")
    Batch batch(@PathParam("id") String id);

    /** A review step (approve, reject, release); release has no body. */
    @POST
    @Path("/batches/{id}/{action}")
    void act(@PathParam("id") String id, @PathParam("action") String action, Map<String, Object> body);

    @GET
    @Path("/batches/{id}/reconciliation")
    Reconciliation batchReconciliation(@PathParam("id") String id);

    @GET
    @Path("/batches/{id}/instructions")
    InstructionPage instructions(@PathParam("id") String id, @QueryParam("size") int size, @QueryParam("page") int page,
                                 @QueryParam("status") String status, @QueryParam("q") String q);

    @GET
    @Path("/batches/{id}/export.csv")
    @Produces(MediaType.WILDCARD)
    Response batchExport(@PathParam("id") String id);

    @GET
    @Path("/programmes")
    List<Programme> programmes();

    @GET
    @Path("/programmes/{code}")
    Programme programme(@PathParam("code") String code);

    @GET
    @Path("/ledger/reconciliation")
    PeriodReconciliation reconciliation(@QueryParam("period") String period);

    @GET
    @Path("/ledger/export.csv")
    @Produces(MediaType.WILDCARD)
    Response ledgerExport(@QueryParam("period") String period);

    /** A grant decision; a capacity decision counts beds/托位 (units), a 示范性 one has none. */
    @TemplateData
    record Grant(String programmeCode, String period, String institutionUscc, String institutionName, Integer units,
                 Long amountFen, String basis, String decidedBy, String decidedAt, String paymentStatus) {
    }

    @TemplateData
    record InstitutionView(String institutionId, String name, String sector, String filingStatus,
                           String filingNumber) {
    }

    @TemplateData
    record Batch(String id, String programmeCode, String period, Integer seq, String status, Long total,
                 Long processed, Long lineCount, Long amountFen, String createdBy, String generatedAt,
                 String reviewedBy, String reviewedAt, String reviewNote, String releasedBy, String releasedAt,
                 String failure) {
    }

    @TemplateData
    record Reconciliation(String programmeCode, Long entitledFen, Long issuedFen, Long paidFen, Long failedFen,
                          Long reversedFen, Long outstandingFen, Long issuedCount, Long paidCount, Long failedCount,
                          Long outstandingCount, boolean balanced) {
    }

    /** A month's reconciliation of the caller's city, per programme. */
    @TemplateData
    record PeriodReconciliation(List<Reconciliation> programmes) {
    }

    @TemplateData
    record InstructionPage(long totalItems, List<Instruction> items) {
    }

    /** One payment line of a batch. */
    @TemplateData
    record Instruction(String payeeName, String institutionName, Long amountFen, String status) {
    }

    @TemplateData
    record Programme(String code, String cityCode, String kind, String kindName, String sector, String name,
                     String source, String document, String section, String sentence,
                     List<ProgrammeVersion> versions) {
    }

    /** An effective-dated parameter version (oldest first in the programme). */
    @TemplateData
    record ProgrammeVersion(String effectiveFrom, String effectiveUntil, String eligibleRole,
                            List<String> eligibleOwnerships, List<String> eligibleKinds,
                            List<String> eligibleCertificateTypes, String baselineDate, boolean inclusiveOnly,
                            Long maxAmountFen, Map<String, Long> ratesFen, String source, String createdBy,
                            String createdAt, String extendedBy, String extendedAt, String extensionSource) {
    }
}
