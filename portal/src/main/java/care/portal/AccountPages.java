package care.portal;

import care.portal.client.AccountClient;
import care.portal.client.RegistrationClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts: 机构注册 (public), the competent department's 注册审核 queue, a city admin's 账号管理, and an institution
 * administrator's 经办人账号. The registry decides everything; these pages show its answers and its refusals at the
 * fields.
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    static final List<String> REGISTRATION_FIELDS = List.of("uscc", "institutionName", "sector", "divisionCode",
            "legalRepresentative", "operatorName", "mobile", "password");
    static final Set<String> STAFF_ACTIONS = Set.of("disable", "enable", "password-reset");

    @Inject
    @Location("register.html")
    Template register;

    @Inject
    @Location("registrations.html")
    Template registrations;

    @Inject
    @Location("accounts.html")
    Template accounts;

    @Inject
    @Location("operators.html")
    Template operators;

    @Inject
    @RestClient
    RegistrationClient registrationClient;

    @Inject
    @RestClient
    AccountClient accountClient;

    @Inject
    Views views;

    @Inject
    Confirm confirm;

    // --- 机构注册 ---

    @GET
    @Path("/register")
    @PermitAll
    public TemplateInstance registerForm() {
        return views.page(register).data("form", Form.empty()).data("submitted", null);
    }

    @POST
    @Path("/register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response registerSubmit(MultivaluedMap<String, String> input, @Context HttpServerRequest request) {
        Form form = Form.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : REGISTRATION_FIELDS) {
            String value = form.v(field).strip();
            if (!value.isEmpty()) {
                body.put(field, field.equals("uscc") ? value.toUpperCase() : value);
            }
        }
        try {
            String browser = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
            RegistrationClient.Submitted submitted = registrationClient.register(browser, body);
            return views.html(201, views.page(register).data("form", Form.empty()).data("submitted", submitted));
        } catch (ApiError e) {
            form.set("password", ""); // never echoed back into the page
            return views.html(e.status, views.page(register).data("form", form.error(e)).data("submitted", null));
        }
    }

    // --- 注册审核 ---

    @GET
    @Path("/registrations")
    @Authenticated
    public TemplateInstance queue(@RestQuery String status, @RestQuery String done) {
        return queuePage(status, Form.empty()).data("done", done);
    }

    private TemplateInstance queuePage(String status, Form form) {
        String shown = status == null || status.isBlank() ? "PENDING" : Views.code(status);
        return views.page(registrations).data("items", accountClient.registrations(shown, 200))
                .data("status", shown).data("form", form).data("done", null);
    }

    @POST
    @Path("/registrations/{id}/confirm")
    @Authenticated
    public Response confirm(@RestPath String id) {
        try {
            accountClient.confirm(Views.id(id));
            return Views.seeOther("/portal/registrations?done=confirmed");
        } catch (ApiError e) {
            return views.html(e.status, queuePage(null, Form.empty().error(e)));
        }
    }

    @POST
    @Path("/registrations/{id}/refuse")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refuse(@RestPath String id, @RestForm String reason, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.REGISTRATION_REFUSE, "/portal/registrations",
                    new Confirm.Field("reason", "不予确认的理由", reason));
        }
        try {
            accountClient.refuse(Views.id(id), Map.of("reason", reason == null ? "" : reason));
            return Views.seeOther("/portal/registrations?done=refused");
        } catch (ApiError e) {
            return views.html(e.status, queuePage(null, Form.empty().error(e)));
        }
    }

    // --- 账号管理 ---

    @GET
    @Path("/accounts")
    @Authenticated
    public TemplateInstance staff() {
        return staffPage(Form.empty(), null);
    }

    private TemplateInstance staffPage(Form form, AccountClient.Account shown) {
        return views.page(accounts).data("options", accountClient.staffOptions())
                .data("items", accountClient.staff()).data("form", form).data("shown", shown);
    }

    @POST
    @Path("/accounts")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createStaff(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("username", "fullName", "role", "divisionCode")) {
            String value = form.v(field).strip();
            if (!value.isEmpty()) {
                body.put(field, value);
            }
        }
        try {
            AccountClient.Account created = accountClient.createStaff(body);
            // the one-time password is shown once, on this answer only (never in a URL)
            return views.html(201, staffPage(Form.empty(), created));
        } catch (ApiError e) {
            return views.html(e.status, staffPage(form.error(e), null));
        }
    }

    @POST
    @Path("/accounts/{id}/{action}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response staffAction(@RestPath String id, @RestPath String action, @RestForm String confirmed) {
        if (!STAFF_ACTIONS.contains(action)) {
            throw new ApiError(404, "NOT_FOUND", "页面不存在", null, Map.of());
        }
        if ("disable".equals(action) && !Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.ACCOUNT_DISABLE, "/portal/accounts");
        }
        try {
            AccountClient.Account changed = accountClient.staffAction(Views.id(id), action);
            return views.html(200, staffPage(Form.empty(), changed));
        } catch (ApiError e) {
            return views.html(e.status, staffPage(Form.empty().error(e), null));
        }
    }

    // --- an institution's operators (its administrator only: the registry answers anyone else 403) ---

    @GET
    @Path("/operators")
    @Authenticated
    public TemplateInstance operatorList(@RestQuery String done) {
        return operatorPage(Form.empty(), null).data("done", done);
    }

    private TemplateInstance operatorPage(Form form, AccountClient.Account shown) {
        return views.page(operators).data("items", accountClient.operators()).data("form", form)
                .data("shown", shown).data("done", null);
    }

    @POST
    @Path("/operators")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response inviteOperator(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("fullName", "mobile")) {
            String value = form.v(field).strip();
            if (!value.isEmpty()) {
                body.put(field, value);
            }
        }
        try {
            AccountClient.Account created = accountClient.inviteOperator(body);
            // the one-time password is shown once, on this answer only (never in a URL)
            return views.html(201, operatorPage(Form.empty(), created));
        } catch (ApiError e) {
            return views.html(e.status, operatorPage(form.error(e), null));
        }
    }

    @POST
    @Path("/operators/{id}/remove")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeOperator(@RestPath String id, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.OPERATOR_REMOVE, "/portal/operators");
        }
        try {
            accountClient.removeOperator(Views.id(id));
            return Views.seeOther("/portal/operators?done=removed");
        } catch (ApiError e) {
            return views.html(e.status, operatorPage(Form.empty().error(e), null));
        }
    }
}
