package care.portal.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * registry-service's accounts through the gateway, as the logged-in user: the registrations queue of the competent
 * department, a city admin's staff accounts, and an institution administrator's operators.
 */
@RegisterRestClient(configKey = "registry")
@RegisterProvider(ProblemMapper.class)
@AccessToken
@Path("/api")
public interface AccountClient {

    @GET
    @Path("/registrations")
    List<Registration> registrations(@QueryParam("status") String status, @QueryParam("size") int size);

    @POST
    @Path("/registrations/{id}/confirm")
    Registration confirm(@PathParam("id") String id);

    @POST
    @Path("/registrations/{id}/refuse")
    Registration refuse(@PathParam("id") String id, Map<String, Object> refusal);

    @GET
    @Path("/accounts/staff/options")
    StaffOptions staffOptions();

    @GET
    @Path("/accounts/staff")
    List<Account> staff();

    @POST
    @Path("/accounts/staff")
    Account createStaff(Map<String, Object> account);

    @POST
    @Path("/accounts/staff/{id}/{action}")
    Account staffAction(@PathParam("id") String id, @PathParam("action") String action);

    @GET
    @Path("/accounts/operators")
    List<Account> operators();

    @POST
    @Path("/accounts/operators")
    Account inviteOperator(Map<String, Object> operator);

    @DELETE
    @Path("/accounts/operators/{id}")
    void removeOperator(@PathParam("id") String id);

    @TemplateData
    record Registration(String id, String uscc, String institutionName, String sector, String divisionName,
                        String legalRepresentative, String operatorName, String mobile, boolean knownInstitution,
                        String status, String reason, String decidedBy, String createdAt) {
    }

    @TemplateData
    record Option(String code, String label) {
    }

    @TemplateData
    record StaffOptions(List<Option> roles, List<Option> divisions) {
    }

    @TemplateData
    record Account(String id, String username, String fullName, String role, String divisionName, String status,
                   boolean administrator, String createdBy, String initialPassword) {
    }
}
