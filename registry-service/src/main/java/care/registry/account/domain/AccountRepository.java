package care.registry.account.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    private static final List<AccountStatus> LIVE = List.of(AccountStatus.PENDING, AccountStatus.ACTIVE,
            AccountStatus.DISABLED);

    public boolean usernameTaken(String username) {
        return count("username = ?1 and status in ?2", username, LIVE) > 0;
    }

    public boolean anyLiveFor(String uscc) {
        return count("uscc = ?1 and status in ?2", uscc, LIVE) > 0;
    }

    /** An institution's administrator who can still act (a disabled one does not block a new administrator). */
    public boolean hasActiveAdministrator(String uscc) {
        return count("uscc = ?1 and administrator = true and status = ?2", uscc, AccountStatus.ACTIVE) > 0;
    }

    public Optional<Account> liveByUsername(String username) {
        return find("username = ?1 and status in ?2", username, LIVE).firstResultOptional();
    }

    public List<Account> operatorsOf(String uscc) {
        return list("kind = ?1 and uscc = ?2 and status in ?3", Sort.by("createdAt"), AccountKind.INSTITUTION, uscc,
                LIVE);
    }

    public List<Account> staffOf(String cityCode) {
        return list("kind = ?1 and cityCode = ?2 and status in ?3", Sort.by("username"), AccountKind.STAFF, cityCode,
                LIVE);
    }
}
