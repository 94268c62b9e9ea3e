package care.registry.staff.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, UUID> {

    public PanacheQuery<Staff> roster(UUID institutionId, boolean currentOnly, LocalDate today) {
        String query = "institutionId = :institution"
                + (currentOnly ? " and (employedUntil is null or employedUntil >= :today)" : "");
        Parameters params = Parameters.with("institution", institutionId);
        if (currentOnly) {
            params.and("today", today);
        }
        return find(query, Sort.by("name").and("id"), params);
    }

    /**
     * The same person's employments at other institutions overlapping [from, until] (until null = open-ended).
     * Locks out a concurrent registration of the same person first (a transaction-scoped advisory lock on the hash).
     */
    public List<Staff> overlappingElsewhere(String personKey, UUID institutionId, UUID exceptStaffId,
                                            LocalDate from, LocalDate until) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, personKey).getSingleResult();
        return list("citizenIdHash = :person and id <> :except and institutionId <> :institution"
                        + " and (employedUntil is null or employedUntil >= :from)"
                        + (until == null ? "" : " and employedFrom <= :until"),
                until == null
                        ? Parameters.with("person", personKey).and("except", exceptStaffId).and("institution", institutionId)
                        .and("from", from)
                        : Parameters.with("person", personKey).and("except", exceptStaffId).and("institution", institutionId)
                        .and("from", from).and("until", until));
    }

    public boolean heldHere(String personKey, UUID institutionId, UUID exceptStaffId, LocalDate from, LocalDate until) {
        return count("citizenIdHash = :person and id <> :except and institutionId = :institution"
                        + " and (employedUntil is null or employedUntil >= :from)"
                        + (until == null ? "" : " and employedFrom <= :until"),
                until == null
                        ? Parameters.with("person", personKey).and("except", exceptStaffId).and("institution", institutionId)
                        .and("from", from)
                        : Parameters.with("person", personKey).and("except", exceptStaffId).and("institution", institutionId)
                        .and("from", from).and("until", until)) > 0;
    }
}
