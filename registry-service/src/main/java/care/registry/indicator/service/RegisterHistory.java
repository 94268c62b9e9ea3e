package care.registry.indicator.service;

import care.contracts.ChinaTime;
import care.contracts.event.Sector;
import care.contracts.event.StaffRole;
import care.registry.institution.domain.DesignationVersion;
import care.registry.institution.domain.InstitutionScope;
import care.registry.site.domain.CapacityVersion;
import care.registry.site.domain.Site;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the register recorded about the institutions a caller sees, loaded once and read at any past day: who was
 * filed and not yet closed (filed_on, closed_on), each site's capacity as last recorded by the end of that day
 * ({@code site_capacity_version}; a site with none counts its filed capacity and no breakdown), the designations
 * then ({@code designation_version}), and the roster entries employed that day with their certificates.
 */
@ApplicationScoped
public class RegisterHistory {

    private final EntityManager em;

    public RegisterHistory(EntityManager em) {
        this.em = em;
    }

    public Loaded load(InstitutionScope scope, String cityCode, Sector sector) {
        String where = " and i.facts.cityCode = :city" + (sector == null ? "" : " and i.facts.sector = :sector")
                + " and (" + scope.condition() + ")";
        // the columns counted, not the entities: a city of 100,000 institutions loaded whole (each with its name's
        // grams) and kept for dirty checking did not fit the service's 256 MB heap, and the request answered 500
        List<Filed> institutions = query("select i.id, i.facts.name, i.facts.divisionCode,"
                + " i.facts.sector, i.filedOn, i.closedOn from Institution i"
                + " where i.filedOn is not null" + where, Filed.class, scope, cityCode, sector).getResultList();
        List<Site> sites = query("select s from Site s, Institution i where s.institutionId = i.id"
                + " and i.filedOn is not null" + where, Site.class, scope, cityCode, sector).getResultList();
        List<CapacityVersion> capacity = query("select v from CapacityVersion v, Institution i"
                + " where v.institutionId = i.id and i.filedOn is not null" + where, CapacityVersion.class, scope,
                cityCode, sector).getResultList();
        List<DesignationVersion> designations = query("select v from DesignationVersion v, Institution i"
                + " where v.institutionId = i.id and i.filedOn is not null" + where, DesignationVersion.class, scope,
                cityCode, sector).getResultList();
        List<Staff> staff = query("select s from Staff s, Institution i where s.institutionId = i.id"
                + " and i.filedOn is not null and s.status <> :refused" + where, Staff.class, scope, cityCode, sector)
                .setParameter("refused", StaffStatus.REFUSED).getResultList();
        return new Loaded(institutions,
                sites.stream().collect(Collectors.groupingBy(s -> s.institutionId)),
                capacity.stream().sorted(Comparator.comparing((CapacityVersion v) -> v.recordedAt)
                        .thenComparing(v -> v.id)).collect(Collectors.groupingBy(v -> v.siteId)),
                designations.stream().sorted(Comparator.comparing((DesignationVersion v) -> v.recordedAt)
                        .thenComparing(v -> v.id)).collect(Collectors.groupingBy(v -> v.institutionId)),
                staff.stream().collect(Collectors.groupingBy(s -> s.institutionId)));
    }

    private <T> TypedQuery<T> query(String jpql, Class<T> type, InstitutionScope scope, String cityCode,
                                    Sector sector) {
        // read, never changed: no snapshot per entity for a dirty check that would find nothing. Read in pieces:
        // PostgreSQL's driver otherwise holds the whole answer before the first row is read (40 MB of a city's
        // 100,000 institutions, on top of the rows made of it)
        TypedQuery<T> q = em.createQuery(jpql, type).setParameter("city", cityCode)
                .setHint(HibernateHints.HINT_READ_ONLY, true).setHint(HibernateHints.HINT_FETCH_SIZE, 2_000);
        if (sector != null) {
            q.setParameter("sector", sector);
        }
        scope.parameters().map().forEach(q::setParameter);
        return q;
    }

    /** The end of a day in China time: what was recorded before it counts for that day. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    /** What the indicators read of an institution in the register. */
    public record Filed(UUID id, String name, String countyCode, Sector sector, LocalDate filedOn,
                        LocalDate closedOn) {

        public Filed {
            // one string per county, not one per institution held for the request
            countyCode = countyCode.intern();
        }
    }

    /** The loaded register, read at a day. */
    public record Loaded(List<Filed> institutions, Map<UUID, List<Site>> sites,
                         Map<UUID, List<CapacityVersion>> capacity, Map<UUID, List<DesignationVersion>> designations,
                         Map<UUID, List<Staff>> staff) {

        /** The institutions filed and not closed on {@code day}, with what they held that day. */
        public List<InstitutionState> at(LocalDate day) {
            Function<Filed, InstitutionState> on = on(day);
            return institutions.stream().map(on).filter(Objects::nonNull).toList();
        }

        /**
         * One institution as counted on {@code day}, with what it held that day; null when it was not yet filed or
         * already closed then.
         */
        public Function<Filed, InstitutionState> on(LocalDate day) {
            Instant end = endOf(day);
            return i -> stateOf(i, day, end);
        }

        private InstitutionState stateOf(Filed i, LocalDate day, Instant end) {
            if (i.filedOn().isAfter(day) || i.closedOn() != null && !i.closedOn().isAfter(day)) {
                return null;
            }
            List<SiteState> siteStates = new ArrayList<>();
            for (Site s : sites.getOrDefault(i.id(), List.of())) {
                if (s.createdAt.isBefore(end)) {
                    siteStates.add(SiteState.of(s, last(capacity.getOrDefault(s.id, List.of()), end)));
                }
            }
            DesignationVersion d = lastDesignation(designations.getOrDefault(i.id(), List.of()), end);
            List<Staff> employed = staff.getOrDefault(i.id(), List.of()).stream()
                    .filter(s -> !s.employedFrom.isAfter(day)
                            && (s.employedUntil == null || !s.employedUntil.isBefore(day))
                            && s.createdAt.isBefore(end)).toList();
            return new InstitutionState(i.id(), i.name(), i.countyCode(), i.sector(), siteStates,
                    d != null && d.inclusive, d != null && d.demonstration,
                    employed.size(), (int) employed.stream().filter(s -> certifiedOn(s, day)).count(),
                    (int) employed.stream().filter(s -> s.role == StaffRole.SOCIAL_WORKER).count(),
                    headCollege(employed));
        }

        private static CapacityVersion last(List<CapacityVersion> versions, Instant end) {
            CapacityVersion found = null;
            for (CapacityVersion v : versions) {
                if (v.recordedAt.isBefore(end)) {
                    found = v;
                }
            }
            return found;
        }

        private static DesignationVersion lastDesignation(List<DesignationVersion> versions, Instant end) {
            DesignationVersion found = null;
            for (DesignationVersion v : versions) {
                if (v.recordedAt.isBefore(end)) {
                    found = v;
                }
            }
            return found;
        }

        /** 持证: a grade or number, issued by that day (when known) and not expired. */
        private static boolean certifiedOn(Staff s, LocalDate day) {
            return (s.certificateGrade != null || s.certificateNumber != null)
                    && (s.certificateIssuedOn == null || !s.certificateIssuedOn.isAfter(day))
                    && (s.certificateValidUntil == null || !s.certificateValidUntil.isBefore(day));
        }

        /** Null: no head on the roster that day; otherwise whether one head has 大专及以上. */
        private static Boolean headCollege(List<Staff> employed) {
            List<Staff> heads = employed.stream().filter(s -> s.head).toList();
            if (heads.isEmpty()) {
                return null;
            }
            return heads.stream().anyMatch(s -> s.education != null && s.education.collegeOrAbove());
        }
    }

    /** An institution counted on a day. {@code headCollege} null: no head recorded. */
    public record InstitutionState(UUID id, String name, String countyCode, Sector sector, List<SiteState> sites,
                                   boolean inclusive, boolean demonstration, int staff, int certifiedStaff,
                                   int socialWorkers, Boolean headCollege) {
    }

    /**
     * A site on a day. Without a recorded breakdown its filed capacity counts as its beds or 托位 and none of them as
     * nursing, 普惠 or 兜底 ({@code breakdown} false): what the register cannot show is not counted toward a target.
     */
    public record SiteState(UUID id, String name, boolean breakdown, int beds, int nursingBeds,
                            int inclusiveOrSafetyNetBeds, int slots, int inclusiveSlots) {

        static SiteState of(Site s, CapacityVersion v) {
            if (v == null) {
                return new SiteState(s.id, s.name, false, s.filedCapacity, 0, 0, s.filedCapacity, 0);
            }
            return new SiteState(s.id, s.name, true, n(v.bedsTotal), n(v.bedsNursing),
                    n(v.bedsInclusive) + n(v.bedsSafetyNet), n(v.slotsTotal), n(v.slotsInclusive));
        }

        private static int n(Integer i) {
            return i == null ? 0 : i;
        }
    }

    static Map<UUID, InstitutionState> byId(List<InstitutionState> states) {
        Map<UUID, InstitutionState> m = new HashMap<>();
        states.forEach(s -> m.put(s.id(), s));
        return m;
    }
}
