package care.registry.account.service;

import care.contracts.division.Divisions;
import care.contracts.event.FilingApprovedV1;
import care.contracts.event.InstitutionSnapshotV1;
import care.contracts.problem.ProblemException;
import care.contracts.security.Roles;
import care.registry.account.domain.Account;
import care.registry.account.domain.AccountKind;
import care.registry.account.domain.AccountRepository;
import care.registry.account.domain.AccountStatus;
import care.registry.account.domain.Registration;
import care.registry.account.domain.RegistrationRepository;
import care.registry.account.domain.RegistrationStatus;
import care.registry.audit.service.AuditTrail;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.message.service.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * 机构注册. A registration makes a Keycloak user (username = the mobile number) with the claims of the institution it
 * names, and a PENDING registration that the county's competent department (or the institution's administrator)
 * confirms or refuses. Until then the account can do little:
 * <ul>
 * <li>for a USCC the platform does not know, it signs in with the role registrant, which lets it draft and submit the
 * NEW filing of that USCC (in its sector and county) and nothing else (filing-service's Access); the competent
 * reviewer's approval of that very filing confirms the registration ({@link #newFilingApproved});</li>
 * <li>for a USCC the register already holds, or that already has an account, the user is disabled: whoever registered
 * may be claiming someone else's institution, and must see nothing of it until a person has checked.</li>
 * </ul>
 * Confirmation gives the role institution (and takes registrant away); the first confirmed account of a USCC is its
 * administrator.
 * <p>
 * The database rows are written and flushed before Keycloak is called, so that a duplicate (the unique indexes on
 * the live username and on the pending USCC) is refused before anything exists in Keycloak; a Keycloak refusal
 * rolls the rows back. Keycloak is not part of the transaction: if the commit fails after Keycloak's change, a
 * user without a row is left behind, which sees no institution's records and blocks only its own mobile number.
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

    static final String SELF = "self-registration";
    private static final Logger LOG = Logger.getLogger(RegistrationService.class);

    private final AccountRepository accounts;
    private final RegistrationRepository registrations;
    private final InstitutionRepository institutions;
    private final KeycloakAccounts keycloak;
    private final AuditTrail audit;
    private final Messages messages;

    public RegistrationService(AccountRepository accounts, RegistrationRepository registrations,
                               InstitutionRepository institutions, KeycloakAccounts keycloak, AuditTrail audit,
                               Messages messages) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.institutions = institutions;
        this.keycloak = keycloak;
        this.audit = audit;
        this.messages = messages;
    }

    public Registration register(RegistrationDetails details) {
        String city = Divisions.cityOf(details.divisionCode()).filter(c -> Divisions.isCounty(details.divisionCode()))
                .orElseThrow(() -> ProblemException.invalid("divisionCode", "不是本平台所辖市的县（区）代码"));
        if (accounts.usernameTaken(details.mobile())) {
            throw ProblemException.conflict("MOBILE_REGISTERED", "该手机号已注册账号",
                    "an account with this mobile number exists or waits for confirmation");
        }
        if (registrations.pendingFor(details.uscc())) {
            throw ProblemException.conflict("REGISTRATION_PENDING", "该统一社会信用代码已有待审核的注册",
                    "a registration of this USCC waits for the competent department");
        }
        boolean known = institutions.findByUscc(details.uscc()).isPresent() || accounts.anyLiveFor(details.uscc());

        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = details.mobile();
        account.fullName = details.operatorName();
        account.kind = AccountKind.INSTITUTION;
        // an unknown USCC may file its NEW at once; a known one waits, disabled, with the role it will be given
        account.role = known ? Roles.INSTITUTION : Roles.REGISTRANT;
        account.uscc = details.uscc();
        account.sector = details.sector();
        account.divisionCode = details.divisionCode();
        account.cityCode = city;
        account.status = AccountStatus.PENDING;
        account.createdAt = Instant.now();
        account.createdBy = SELF;
        accounts.persist(account);

        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.account = account;
        registration.uscc = details.uscc();
        registration.institutionName = details.institutionName();
        registration.sector = details.sector();
        registration.divisionCode = details.divisionCode();
        registration.cityCode = city;
        registration.legalRepresentative = details.legalRepresentative();
        registration.knownInstitution = known;
        registration.status = RegistrationStatus.PENDING;
        registration.createdAt = account.createdAt;
        registrations.persist(registration);
        registrations.flush(); // a concurrent duplicate fails here, on the unique indexes, before Keycloak is asked

        account.keycloakId = keycloak.create(account, !known, details.password(), false);
        audit.record(SELF, "REGISTERED", "registration", registration.id, city, details.divisionCode(),
                Map.of("uscc", details.uscc(), "institutionName", details.institutionName(),
                        "knownInstitution", known));
        return registration;
    }

    /** Confirms a pending registration: the account signs in as the institution from now on. */
    public Registration confirm(Registration registration, String by) {
        pending(registration);
        Map<String, Object> detail = confirmed(registration, by);
        keycloak.confirm(registration.account);
        audit.record(by, "REGISTRATION_CONFIRMED", "registration", registration.id, registration.cityCode,
                registration.divisionCode, detail);
        return registration;
    }

    /**
     * The competent department approved a NEW filing (registry consumes FilingApproved): if the registrant of a pending
     * registration made it itself, for the USCC, sector and county it registered, the approval confirms the
     * registration — the reviewer who approved it is that county's competent one, and has just checked the institution.
     * Anything else leaves registrations as they are: a NEW filed by another account (a claim on an institution that
     * files for itself is still for a person to decide), a registration already decided, an event without applicant.
     * Applied once per event (the inbox); a replay finds the registration decided and does nothing.
     * <p>
     * Keycloak is asked first and nothing it does fails the event, which also files the institution (a failed record
     * would go to the dead-letter topic with the filing's outcome): the registration then stays PENDING in the
     * department's queue (confirmed there by hand) and a warning is logged. Its change is idempotent, so a
     * transaction rolled back after it and applied again does no harm. The admin client is request-scoped, and a
     * Kafka record has no request: one is activated for the call.
     */
    @ActivateRequestContext
    public void newFilingApproved(FilingApprovedV1 filing) {
        InstitutionSnapshotV1 institution = filing.institution();
        if (!"NEW".equals(filing.filingType()) || filing.applicantId() == null || institution == null) {
            return;
        }
        Registration registration = registrations.pendingOf(institution.uscc())
                .filter(r -> filing.applicantId().equals(r.account.keycloakId)
                        && r.sector == institution.sector() && r.divisionCode.equals(institution.divisionCode()))
                .orElse(null);
        if (registration == null) {
            return;
        }
        try {
            keycloak.confirm(registration.account);
        } catch (RuntimeException e) {
            LOG.warnf("registration %s not confirmed by the approval of filing %s: Keycloak did not take it (%s); "
                    + "it stays in the department's queue", registration.id, filing.filingId(), e.toString());
            return;
        }
        String by = "准予备案 " + filing.receiptNumber();
        Map<String, Object> detail = new LinkedHashMap<>(confirmed(registration, by));
        detail.put("filingId", filing.filingId());
        audit.record(by, "REGISTRATION_CONFIRMED", "registration", registration.id, registration.cityCode,
                registration.divisionCode, detail);
    }

    /**
     * The rows of a confirmation: the account is the institution's, its administrator if the first one; and the
     * message that tells it so, in the same transaction.
     */
    private Map<String, Object> confirmed(Registration registration, String by) {
        Account account = registration.account;
        account.administrator = !accounts.hasActiveAdministrator(account.uscc);
        account.role = Roles.INSTITUTION;
        account.status = AccountStatus.ACTIVE;
        decide(registration, RegistrationStatus.CONFIRMED, null, by);
        messages.registrationConfirmed(registration);
        return Map.of("uscc", registration.uscc, "administrator", account.administrator);
    }

    /** Refuses a pending registration with a reason: its Keycloak user is deleted and its mobile number freed. */
    public Registration refuse(Registration registration, String reason, String by) {
        pending(registration);
        registration.account.status = AccountStatus.REFUSED;
        decide(registration, RegistrationStatus.REFUSED, reason, by);
        messages.registrationRefused(registration);
        keycloak.delete(registration.account);
        audit.record(by, "REGISTRATION_REFUSED", "registration", registration.id, registration.cityCode,
                registration.divisionCode, Map.of("uscc", registration.uscc, "reason", reason));
        return registration;
    }

    private static void pending(Registration registration) {
        if (registration.status != RegistrationStatus.PENDING) {
            throw ProblemException.conflict("REGISTRATION_DECIDED", "该注册已处理",
                    "registration " + registration.id + " is " + registration.status);
        }
    }

    private void decide(Registration registration, RegistrationStatus status, String reason, String by) {
        registration.status = status;
        registration.reason = reason;
        registration.decidedBy = by;
        registration.decidedAt = Instant.now();
        registrations.flush(); // a concurrent decision fails here (optimistic lock) before Keycloak is asked
    }
}
