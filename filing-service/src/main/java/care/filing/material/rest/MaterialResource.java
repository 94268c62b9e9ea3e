package care.filing.material.rest;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.security.Roles;
import care.filing.material.domain.Material;
import care.filing.material.domain.MaterialSummary;
import care.filing.material.service.MaterialService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The 申报材料 of a filing: checklist, upload (raw body), download, delete. */
@Tag(name = "Filing materials", description = "备案材料：清单、上传、下载 (the checklist and uploaded files of a filing)")
@Path("/api/filings/{id}/materials")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "4XX", description = "refused",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MaterialResource {

    private final MaterialService materials;

    public MaterialResource(MaterialService materials) {
        this.materials = materials;
    }

    @GET
    @Authenticated
    @Operation(operationId = "materialChecklist", summary = "材料清单",
            description = "The checklist of this filing's sector and type, with what has been uploaded")
    public List<ChecklistEntry> checklist(@PathParam("id") UUID id) {
        return materials.checklist(id).stream().map(ChecklistEntry::of).toList();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.INSTITUTION, Roles.REGISTRANT})
    @Operation(operationId = "uploadMaterial", summary = "上传材料",
            description = "Upload (or replace) the file for one checklist item: the raw bytes as the body; the "
            + "type is taken from the content (PDF, JPEG, PNG), not from Content-Type or the name")
    public MaterialSummary upload(@PathParam("id") UUID id, @PathParam("code") String code,
                                  @QueryParam("fileName") @Parameter(schema = @Schema(maxLength = 255)) String fileName,
                                  @HeaderParam("X-File-Name") @Parameter(description = "the file name, URL-encoded",
                                          schema = @Schema(maxLength = 2000)) String headerName, InputStream body) {
        return materials.upload(id, code, fileName != null ? fileName : decode(headerName), body);
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    @Operation(operationId = "downloadMaterial", summary = "下载材料",
            description = "Download a material: the applicant, the competent reviewer and the city's admins only")
    public Response download(@PathParam("id") UUID id, @PathParam("code") String code) {
        Material m = materials.download(id, code);
        return Response.ok(m.content, m.contentType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + rfc5987(m.fileName))
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.sha256)))
                .header("X-Content-SHA256", m.sha256)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** X-File-Name is URL-encoded (a header carries ASCII only); a malformed escape is the client's error. */
    static String decode(String headerName) {
        if (headerName == null) {
            return null;
        }
        try {
            return URLDecoder.decode(headerName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("fileName", "X-File-Name 须为 URL 编码的文件名");
        }
    }

    /**
     * The stored name as an RFC 5987 ext-value: every byte outside attr-char percent-encoded, so no quote, semicolon
     * or line break of a name reaches the header as itself (URLEncoder leaves '*' as it is and writes ' ' as '+').
     */
    static String rfc5987(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.INSTITUTION, Roles.REGISTRANT})
    @Operation(operationId = "deleteMaterial", summary = "删除材料",
            description = "Remove an uploaded material while the filing is a draft or returned")
    public Response delete(@PathParam("id") UUID id, @PathParam("code") String code) {
        materials.delete(id, code);
        return Response.noContent().build();
    }
}
