package care.registry.account.service;

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
 * An institution's operators, managed by its administrator. A new operator is bound to the administrator's own
 * institution (its claims are copied from the administrator's account, never taken from the request).
 */
@ApplicationScoped
@Transactional
public class OperatorService {

    private final AccountRepository accounts;
    private final KeycloakAccounts keycloak;
    private final AuditTrail audit;

    public OperatorService(AccountRepository accounts, KeycloakAccounts keycloak, AuditTrail audit) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.audit = audit;
    }

    public NewAccount invite(Account administrator, String fullName, String mobile) {
        if (accounts.usernameTaken(mobile)) {
            throw ProblemException.conflict("MOBILE_REGISTERED", "该手机号已注册账号",
                    "an account with this mobile number exists");
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = mobile;
        account.fullName = fullName;
        account.kind = AccountKind.INSTITUTION;
        account.role = administrator.role;
        account.uscc = administrator.uscc;
        account.sector = administrator.sector;
        account.divisionCode = administrator.divisionCode;
        account.cityCode = administrator.cityCode;
        account.status = AccountStatus.ACTIVE;
        account.createdAt = Instant.now();
        account.createdBy = administrator.username;
        accounts.persist(account);
        accounts.flush();
        String password = KeycloakAccounts.oneTimePassword();
        account.keycloakId = keycloak.create(account, true, password, true);
        record(administrator.username, "OPERATOR_INVITED", account);
        return new NewAccount(account, password);
    }

    /** Removes an operator: its Keycloak user is deleted with its sessions. The administrator stays. */
    public void remove(Account administrator, Account operator) {
        if (operator.administrator) {
            throw ProblemException.conflict("ADMINISTRATOR", "不能删除机构管理员账号",
                    "the institution's administrator is not removed by itself");
        }
        operator.status = AccountStatus.REMOVED;
        accounts.flush();
        keycloak.delete(operator);
        record(administrator.username, "OPERATOR_REMOVED", operator);
    }

    private void record(String by, String action, Account account) {
        audit.record(by, action, "account", account.id, account.cityCode, account.divisionCode,
                Map.of("username", account.username, "uscc", account.uscc));
    }
}
