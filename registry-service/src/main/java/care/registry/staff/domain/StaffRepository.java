package care.registry.staff.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Roster entries. A REFUSED entry never stood: it is shown to its institution but blocks no one. */
@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, UUID> {

    public PanacheQuery<Staff> roster(UUID institutionId, boolean currentOnly, LocalDate today) {
        String query = "institutionId = :institution"
                + (currentOnly ? " and status <> :refused and (employedUntil is null or employedUntil >= :today)" : "");
        Parameters params = Parameters.with("institution", institutionId);
        if (currentOnly) {
            params.and("today", today).and("refused", StaffStatus.REFUSED);
        }
        return find(query, Sort.by("name").and("id"), params);
    }

    /**
     * Serialises every change of one person's employments (registrations, edits, dispute decisions): a
     * transaction-scoped advisory lock on the keyed hash, so two simultaneous claims cannot both pass the checks.
     */
    public void lockPerson(String personKey) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, personKey).getSingleResult();
    }

    /**
     * The same person's standing or disputed employments at other institutions overlapping [from, until] (until
     * null = open-ended). Takes the person's lock first.
     */
    public List<Staff> overlappingElsewhere(String personKey, UUID institutionId, UUID exceptStaffId,
                                            LocalDate from, LocalDate until) {
        lockPerson(personKey);
        return list(overlapping("institutionId <> :institution", until),
                overlapParameters(personKey, institutionId, exceptStaffId, from, until));
    }

    public boolean heldHere(String personKey, UUID institutionId, UUID exceptStaffId, LocalDate from, LocalDate until) {
        return count(overlapping("institutionId = :institution", until),
                overlapParameters(personKey, institutionId, exceptStaffId, from, until)) > 0;
    }

    private static String overlapping(String where, LocalDate until) {
        return "citizenIdHash = :person and id <> :except and " + where + " and status <> :refused"
                + " and (employedUntil is null or employedUntil >= :from)"
                + (until == null ? "" : " and employedFrom <= :until");
    }

    private static Parameters overlapParameters(String personKey, UUID institutionId, UUID exceptStaffId,
                                                LocalDate from, LocalDate until) {
        Parameters p = Parameters.with("person", personKey).and("except", exceptStaffId)
                .and("institution", institutionId).and("from", from).and("refused", StaffStatus.REFUSED);
        return until == null ? p : p.and("until", until);
    }
}
