package care.registry.account.domain;

import care.registry.institution.domain.InstitutionScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    public boolean pendingFor(String uscc) {
        return count("uscc = ?1 and status = ?2", uscc, RegistrationStatus.PENDING) > 0;
    }

    /** The registration of a USCC waiting for a decision, if any (there is at most one: a unique index). */
    public Optional<Registration> pendingOf(String uscc) {
        return find("uscc = ?1 and status = ?2", uscc, RegistrationStatus.PENDING).firstResultOptional();
    }

    /**
     * Registrations of one status within a scope (on Registration's fields) that Access builds, oldest first: the
     * queue is worked in order of arrival.
     */
    public List<Registration> queue(InstitutionScope scope, RegistrationStatus status, int page, int size) {
        Map<String, Object> params = new HashMap<>(scope.parameters().map());
        params.put("status", status);
        return find("(" + scope.condition() + ") and status = :status", Sort.by("createdAt"), params)
                .page(page, size).list();
    }
}
