package care.portal.client;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * The public directory of registry-service, through the gateway without a token: its pages are open to everyone,
 * logged in or not, so nothing of a session is sent.
 */
@RegisterRestClient(configKey = "directory")
@RegisterProvider(ProblemMapper.class)
@Path("/api/directory/institutions")
public interface DirectoryClient {

    /** Blank filters are left out of the query (null parameters are not sent). */
    @GET
    DirectoryPage search(@QueryParam("size") int size, @QueryParam("page") int page, @QueryParam("q") String q,
                         @QueryParam("city") String city, @QueryParam("county") String county,
                         @QueryParam("sector") String sector, @QueryParam("kind") String kind,
                         @QueryParam("inclusive") String inclusive, @QueryParam("demonstration") String demonstration);

    @GET
    @Path("/{id}")
    DirectoryDetail institution(@PathParam("id") String id);

    @TemplateData
    record DirectoryPage(List<DirectoryEntry> items, long total, boolean totalExact) {
    }

    @TemplateData
    record DirectoryEntry(String id, String name, String sector, String sectorLabel, String kindLabel,
                          String ownershipLabel, String divisionName, String address, Integer capacity,
                          boolean inclusive, boolean demonstration, String filingStatus, String filingNumber) {
    }

    @TemplateData
    record DirectoryDetail(String id, String uscc, String name, String sector, String sectorLabel, String kindLabel,
                           String ownershipLabel, String cityCode, String divisionName, String address,
                           Integer capacity, boolean inclusive, boolean demonstration, String filingStatus,
                           String filingNumber, String filedOn, String creditLevel, List<RegistryClient.Site> sites,
                           List<Inspection> inspections) {
    }

    /** A disclosed inspection. */
    @TemplateData
    record Inspection(String inspectedOn, String inspectorOrg, String result, String resultLabel) {
    }
}
