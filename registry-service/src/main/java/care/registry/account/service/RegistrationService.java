package care.registry.account.service;

import care.contracts.division.Divisions;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * 机构注册. A registration makes a disabled Keycloak user (username = the mobile number) with the claims of the
 * institution it names, so that nothing can be read or filed with it until the county's competent department (or
 * the institution's administrator) confirms it; only then does it get the role institution. The first confirmed
 * account of a USCC is its administrator.
 * <p>
 * The database rows are written and flushed before Keycloak is called, so that a duplicate (the unique indexes on
 * the live username and on the pending USCC) is refused before anything exists in Keycloak; a Keycloak refusal
 * rolls the rows back. Keycloak is not part of the transaction: if the commit fails after Keycloak's change, a
 * disabled user without a row is left behind, which can do nothing and blocks only its own mobile number.
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

    static final String SELF = "self-registration";

    private final AccountRepository accounts;
    private final RegistrationRepository registrations;
    private final InstitutionRepository institutions;
    private final KeycloakAccounts keycloak;
    private final AuditTrail audit;

    public RegistrationService(AccountRepository accounts, RegistrationRepository registrations,
                               InstitutionRepository institutions, KeycloakAccounts keycloak, AuditTrail audit) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.institutions = institutions;
        this.keycloak = keycloak;
        this.audit = audit;
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
        account.role = Roles.INSTITUTION;
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

        account.keycloakId = keycloak.create(account, false, details.password(), false);
        audit.record(SELF, "REGISTERED", "registration", registration.id, city, details.divisionCode(),
                Map.of("uscc", details.uscc(), "institutionName", details.institutionName(),
                        "knownInstitution", known));
        return registration;
    }

    /** Confirms a pending registration: the account signs in as the institution from now on. */
    public Registration confirm(Registration registration, String by) {
        pending(registration);
        Account account = registration.account;
        account.administrator = !accounts.hasActiveAdministrator(account.uscc);
        account.status = AccountStatus.ACTIVE;
        decide(registration, RegistrationStatus.CONFIRMED, null, by);
        keycloak.enable(account);
        audit.record(by, "REGISTRATION_CONFIRMED", "registration", registration.id, registration.cityCode,
                registration.divisionCode, Map.of("uscc", registration.uscc, "administrator", account.administrator));
        return registration;
    }

    /** Refuses a pending registration with a reason: its Keycloak user is deleted and its mobile number freed. */
    public Registration refuse(Registration registration, String reason, String by) {
        pending(registration);
        registration.account.status = AccountStatus.REFUSED;
        decide(registration, RegistrationStatus.REFUSED, reason, by);
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
