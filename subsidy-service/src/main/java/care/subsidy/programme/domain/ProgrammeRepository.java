package care.subsidy.programme.domain;

import care.subsidy.support.Row;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, String> {

    private final EntityManager em;
    private final ObjectMapper json;

    public ProgrammeRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The programmes a caller's scope covers: its city's, of its department(s). */
    public List<Programme> inScope(care.subsidy.access.Scope scope) {
        return list("cityCode = ?1 and sector in ?2 order by code", scope.cityCode(), List.copyOf(scope.sectors()));
    }

    /**
     * Who set the parameters in force on any day of a month: the version in force on its first day and later ones,
     * and whoever extended one of them (keeping parameters in force is deciding them for that month).
     */
    public List<String> versionAuthorsFor(String code, java.time.YearMonth month) {
        @SuppressWarnings("unchecked")
        List<String> authors = em.createNativeQuery("""
                        select distinct a from programme_version, unnest(array[created_by, extended_by]) a
                        where a is not null and programme_code = ?1 and effective_from <= ?3
                          and effective_from >= coalesce((select max(effective_from) from programme_version
                                                          where programme_code = ?1 and effective_from <= ?2), ?2)""")
                .setParameter(1, code).setParameter(2, month.atDay(1)).setParameter(3, month.atEndOfMonth())
                .getResultList();
        return authors;
    }

    /** The city's programmes of a sector whose kind calculates this way. */
    public List<Programme> of(String cityCode, Calculation calculation, care.contracts.event.Sector sector) {
        return list("cityCode = ?1 and kind.calculation = ?2 and sector = ?3 order by code", cityCode, calculation,
                sector);
    }

    /** Every version, oldest first, with its lists and rates: one query, however many versions. */
    public List<ProgrammeVersion> versions(String code) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select v.id, v.effective_from, v.effective_until, v.eligible_role, v.baseline_date,
                               v.inclusive_only, v.max_amount_fen, v.source, v.created_by, v.created_at, v.extended_by,
                               v.extended_at, v.extension_source,
                               array(select ownership from programme_ownership where version_id = v.id
                                     order by 1)::text as ownerships,
                               array(select kind from programme_institution_kind where version_id = v.id
                                     order by 1)::text as kinds,
                               array(select certificate_type from programme_certificate_type where version_id = v.id
                                     order by 1)::text as certificate_types,
                               (select jsonb_agg(jsonb_build_array(rate_key, amount_fen) order by rate_key desc)
                                from programme_rate where version_id = v.id)::text as rates
                        from programme_version v where v.programme_code = ?1 order by v.effective_from""", Tuple.class)
                .setParameter(1, code).getResultList();
        List<ProgrammeVersion> versions = new ArrayList<>();
        for (Tuple tuple : rows) {
            Row r = Row.of(tuple);
            Number maxAmount = (Number) r.get("max_amount_fen");
            versions.add(new ProgrammeVersion(r.longValue("id"), code, r.date("effective_from"),
                    r.date("effective_until"), r.string("eligible_role"), textArray(r.string("ownerships")),
                    textArray(r.string("kinds")), textArray(r.string("certificate_types")),
                    r.date("baseline_date"), (Boolean) r.get("inclusive_only"),
                    maxAmount == null ? null : maxAmount.longValue(), rates(r.string("rates")), r.string("source"),
                    r.string("created_by"), r.instant("created_at"), r.string("extended_by"),
                    r.instant("extended_at"), r.string("extension_source")));
        }
        return versions;
    }

    /**
     * The version in force on {@code day}: the latest one that started on or before it, unless it ended before it
     * (a later version replaces an earlier one from its start; an ended one leaves a gap nobody is paid in).
     */
    public Optional<ProgrammeVersion> versionOn(String code, LocalDate day) {
        return ProgrammeVersion.inForceOn(versions(code), day);
    }

    /**
     * A PostgreSQL text[] as its text: codes (enum names) never need quoting, so it is {@code {A,B}} or {@code {}}.
     * Text, not a JDBC array: the same on every driver path, and nothing to unwrap.
     */
    private static List<String> textArray(String text) {
        String inner = text.substring(1, text.length() - 1);
        return inner.isEmpty() ? List.of() : List.of(inner.split(","));
    }

    /** {@code [["KEY", fen], …]} in the query's order (largest key first), or null for a version without rates. */
    private Map<String, Long> rates(String json) {
        Map<String, Long> rates = new LinkedHashMap<>();
        if (json != null) {
            try {
                for (JsonNode pair : this.json.readTree(json)) {
                    rates.put(pair.get(0).asText(), pair.get(1).asLong());
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("programme_rate as JSON: " + json, e);
            }
        }
        return rates;
    }

    public long insertVersion(String code, NewVersion v, String by) {
        long id = ((Number) em.createNativeQuery("""
                        insert into programme_version (programme_code, effective_from, effective_until, eligible_role,
                                                       baseline_date, inclusive_only, max_amount_fen, source,
                                                       created_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) returning id""")
                .setParameter(1, code).setParameter(2, v.effectiveFrom()).setParameter(3, v.effectiveUntil())
                .setParameter(4, v.eligibleRole() == null ? null : v.eligibleRole().name())
                .setParameter(5, v.baselineDate()).setParameter(6, v.inclusiveOnly())
                .setParameter(7, v.maxAmountFen()).setParameter(8, v.source()).setParameter(9, by)
                .getSingleResult()).longValue();
        insertAll(id, "programme_ownership", "ownership", v.eligibleOwnerships());
        insertAll(id, "programme_institution_kind", "kind", v.eligibleKinds());
        insertAll(id, "programme_certificate_type", "certificate_type", v.eligibleCertificateTypes());
        v.ratesFen().forEach((k, fen) -> em.createNativeQuery(
                        "insert into programme_rate (version_id, rate_key, amount_fen) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, k).setParameter(3, fen).executeUpdate());
        return id;
    }

    private void insertAll(long versionId, String table, String column, List<String> values) {
        for (String value : values) {
            em.createNativeQuery("insert into " + table + " (version_id, " + column + ") values (?1, ?2)")
                    .setParameter(1, versionId).setParameter(2, value).executeUpdate();
        }
    }

    /** Moves a version's end (an extension, or an earlier end), recording who did it and on what basis. */
    public void extend(long versionId, LocalDate until, String source, String by) {
        em.createNativeQuery("""
                        update programme_version set effective_until = ?2, extension_source = ?3, extended_by = ?4,
                                                     extended_at = now()
                        where id = ?1""")
                .setParameter(1, versionId).setParameter(2, until).setParameter(3, source).setParameter(4, by)
                .executeUpdate();
    }

    public boolean versionExists(String code, LocalDate from) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from programme_version where programme_code = ?1 and effective_from = ?2")
                .setParameter(1, code).setParameter(2, from).getSingleResult()).longValue() > 0;
    }
}
