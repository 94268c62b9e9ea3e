package care.registry.staff.domain;

import care.registry.institution.domain.InstitutionScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StaffDisputeRepository implements PanacheRepositoryBase<StaffDispute, UUID> {

    /** A dispute with a claim of an institution in {@code scope} (a condition on alias {@code i}). */
    private static final String IN_SCOPE = " from StaffDispute d where d.status = :status and exists ("
            + "select 1 from StaffDispute d2 join d2.claims c, Staff s, Institution i"
            + " where d2.id = d.id and s.id = key(c) and i.id = s.institutionId and (%s))";

    public Optional<StaffDispute> openFor(String personKey) {
        return find("personKey = ?1 and status = ?2", personKey, StaffDispute.Status.OPEN).firstResultOptional();
    }

    /** One page of the queue, oldest first. */
    public List<StaffDispute> queue(InstitutionScope scope, StaffDispute.Status status, int offset, int size) {
        return bind(getEntityManager().createQuery("select d" + IN_SCOPE.formatted(scope.condition())
                + " order by d.openedAt, d.id", StaffDispute.class), scope, status)
                .setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count(InstitutionScope scope, StaffDispute.Status status) {
        return bind(getEntityManager().createQuery("select count(d)" + IN_SCOPE.formatted(scope.condition()),
                Long.class), scope, status).getSingleResult();
    }

    private static <Q extends jakarta.persistence.TypedQuery<?>> Q bind(Q query, InstitutionScope scope,
                                                                        StaffDispute.Status status) {
        query.setParameter("status", status);
        for (Map.Entry<String, Object> p : scope.parameters().map().entrySet()) {
            query.setParameter(p.getKey(), p.getValue());
        }
        return query;
    }
}
