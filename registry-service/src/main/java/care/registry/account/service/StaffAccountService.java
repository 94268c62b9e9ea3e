package care.registry.account.service;

import care.contracts.division.Divisions;
import care.contracts.problem.ProblemException;
import care.registry.account.domain.Account;
import care.registry.account.domain.AccountKind;
import care.registry.account.domain.AccountRepository;
import care.registry.account.domain.AccountStatus;
import care.registry.audit.service.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * 账号管理: a city admin's reviewers, auditors and city admins, always of the admin's own city (the caller's city is
 * passed in by Access; nothing in a request can name another). Every change is in the audit trail of that city.
 */
@ApplicationScoped
@Transactional
public class StaffAccountService {

    private final AccountRepository accounts;
    private final KeycloakAccounts keycloak;
    private final AuditTrail audit;

    public StaffAccountService(AccountRepository accounts, KeycloakAccounts keycloak, AuditTrail audit) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.audit = audit;
    }

    /**
     * A new staff account of the city with a one-time password. A reviewer is bound to a county of the city or to
     * the city itself (a city-level reviewer); the other roles to the city.
     */
    public NewAccount create(String city, String username, String fullName, StaffRole role, String divisionCode,
                             String by) {
        String division = null;
        if (role.isReviewer()) {
            boolean inCity = divisionCode != null && (divisionCode.equals(city)
                    || (Divisions.isCounty(divisionCode) && Divisions.cityOf(divisionCode).orElse("").equals(city)));
            if (!inCity) {
                throw ProblemException.invalid("divisionCode", "审核人员须绑定本市或本市所辖县（区）");
            }
            division = divisionCode;
        } else if (divisionCode != null && !divisionCode.equals(city)) {
            throw ProblemException.invalid("divisionCode", "审计人员和市级管理员只绑定本市");
        }
        if (accounts.usernameTaken(username)) {
            throw ProblemException.conflict("USERNAME_TAKEN", "该账号名已被使用", "account " + username + " exists");
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = username;
        account.fullName = fullName;
        account.kind = AccountKind.STAFF;
        account.role = role.role;
        account.sector = role.sector;
        account.divisionCode = division;
        account.cityCode = city;
        account.status = AccountStatus.ACTIVE;
        account.createdAt = Instant.now();
        account.createdBy = by;
        accounts.persist(account);
        accounts.flush();
        String password = KeycloakAccounts.oneTimePassword();
        account.keycloakId = keycloak.create(account, true, password, true);
        record(by, "ACCOUNT_CREATED", account, Map.of("username", username, "role", role.role,
                "divisionCode", division == null ? city : division));
        return new NewAccount(account, password);
    }

    /** Switches the account off and ends its sessions. A city admin cannot switch themself off. */
    public Account disable(Account account, String by) {
        if (account.username.equals(by)) {
            throw ProblemException.conflict("OWN_ACCOUNT", "不能停用自己的账号",
                    "another city admin of the city disables this account");
        }
        if (account.status == AccountStatus.ACTIVE) {
            account.status = AccountStatus.DISABLED;
            accounts.flush();
            keycloak.disable(account);
            record(by, "ACCOUNT_DISABLED", account, Map.of("username", account.username));
        }
        return account;
    }

    public Account enable(Account account, String by) {
        if (account.status == AccountStatus.DISABLED) {
            account.status = AccountStatus.ACTIVE;
            accounts.flush();
            keycloak.enable(account);
            record(by, "ACCOUNT_ENABLED", account, Map.of("username", account.username));
        }
        return account;
    }

    /** A new one-time password, to be changed at the next sign-in; the account's sessions end. */
    public NewAccount resetPassword(Account account, String by) {
        if (account.status != AccountStatus.ACTIVE) {
            throw ProblemException.conflict("ACCOUNT_DISABLED", "账号已停用，请先启用",
                    "a disabled account's password is not reset");
        }
        String password = keycloak.resetPassword(account);
        record(by, "PASSWORD_RESET", account, Map.of("username", account.username));
        return new NewAccount(account, password);
    }

    private void record(String by, String action, Account account, Map<String, ?> detail) {
        audit.record(by, action, "account", account.id, account.cityCode, account.divisionCode, detail);
    }
}
