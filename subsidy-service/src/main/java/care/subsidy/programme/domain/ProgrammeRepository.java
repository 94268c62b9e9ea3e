package care.subsidy.programme.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, String> {

    private final EntityManager em;

    public ProgrammeRepository(EntityManager em) {
        this.em = em;
    }

    /** The programmes a caller's scope covers: its city's, of its department(s). */
    public List<Programme> inScope(care.subsidy.access.Scope scope) {
        return list("cityCode = ?1 and sector in ?2 order by code", scope.cityCode(), List.copyOf(scope.sectors()));
    }

    /** Who set the parameters in force on any day of a month: the version in force on its first day and later ones. */
    public List<String> versionAuthorsFor(String code, java.time.YearMonth month) {
        @SuppressWarnings("unchecked")
        List<String> authors = em.createNativeQuery("""
                        select distinct created_by from programme_version
                        where programme_code = ?1 and effective_from <= ?3
                          and effective_from >= coalesce((select max(effective_from) from programme_version
                                                          where programme_code = ?1 and effective_from <= ?2), ?2)""")
                .setParameter(1, code).setParameter(2, month.atDay(1)).setParameter(3, month.atEndOfMonth())
                .getResultList();
        return authors;
    }

    public Optional<Programme> of(String cityCode, ProgrammeKind kind, care.contracts.event.Sector sector) {
        return find("cityCode = ?1 and kind = ?2 and sector = ?3 order by code", cityCode, kind, sector)
                .firstResultOptional();
    }

    /** Every version, oldest first. */
    public List<ProgrammeVersion> versions(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, effective_from, eligible_role, max_amount_fen, source, created_by, created_at
                        from programme_version where programme_code = ?1 order by effective_from""")
                .setParameter(1, code).getResultList();
        List<ProgrammeVersion> versions = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            versions.add(new ProgrammeVersion(id, code, care.subsidy.support.Sql.date(r[1]), (String) r[2],
                    ownerships(id), r[3] == null ? null : ((Number) r[3]).longValue(), rates(id), (String) r[4],
                    (String) r[5], care.subsidy.support.Sql.instant(r[6])));
        }
        return versions;
    }

    /** The version in force on {@code day}: the latest one that started on or before it. */
    public Optional<ProgrammeVersion> versionOn(String code, LocalDate day) {
        ProgrammeVersion found = null;
        for (ProgrammeVersion v : versions(code)) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    @SuppressWarnings("unchecked")
    private List<String> ownerships(long versionId) {
        return em.createNativeQuery("select ownership from programme_ownership where version_id = ?1 order by 1")
                .setParameter(1, versionId).getResultList();
    }

    private Map<String, Long> rates(long versionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select rate_key, amount_fen from programme_rate where version_id = ?1 order by rate_key desc")
                .setParameter(1, versionId).getResultList();
        Map<String, Long> rates = new LinkedHashMap<>();
        rows.forEach(r -> rates.put((String) r[0], ((Number) r[1]).longValue()));
        return rates;
    }

    public long insertVersion(String code, LocalDate from, String role, Long maxAmountFen, String source,
                              String by, List<String> ownerships, Map<String, Long> rates) {
        long id = ((Number) em.createNativeQuery("""
                        insert into programme_version (programme_code, effective_from, eligible_role, max_amount_fen,
                                                       source, created_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6) returning id""")
                .setParameter(1, code).setParameter(2, from).setParameter(3, role).setParameter(4, maxAmountFen)
                .setParameter(5, source).setParameter(6, by).getSingleResult()).longValue();
        for (String o : ownerships) {
            em.createNativeQuery("insert into programme_ownership (version_id, ownership) values (?1, ?2)")
                    .setParameter(1, id).setParameter(2, o).executeUpdate();
        }
        rates.forEach((k, fen) -> em.createNativeQuery(
                        "insert into programme_rate (version_id, rate_key, amount_fen) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, k).setParameter(3, fen).executeUpdate());
        return id;
    }

    public boolean versionExists(String code, LocalDate from) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from programme_version where programme_code = ?1 and effective_from = ?2")
                .setParameter(1, code).setParameter(2, from).getSingleResult()).longValue() > 0;
    }
}
