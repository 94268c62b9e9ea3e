package care.registry.institution.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Sector;
import care.registry.access.InstitutionAccess.Scope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    public Optional<Institution> findByUscc(String uscc) {
        return find("uscc", uscc).firstResultOptional();
    }

    /** Filed institutions only, filtered by whatever the searcher gave. */
    public PanacheQuery<Institution> directory(DirectoryFilter filter, Sort sort) {
        Where where = directoryWhere(filter);
        return find(where.condition(), sort, where.params());
    }

    private static Where directoryWhere(DirectoryFilter filter) {
        StringBuilder query = new StringBuilder("filingStatus = :filed");
        Parameters params = Parameters.with("filed", FilingStatus.FILED);
        and(query, params, "cityCode", "city", filter.cityCode());
        and(query, params, "divisionCode", "county", filter.divisionCode());
        and(query, params, "sector", "sector", filter.sector());
        and(query, params, "kind", "kind", filter.kind());
        and(query, params, "inclusive", "inclusive", filter.inclusive());
        and(query, params, "demonstration", "demonstration", filter.demonstration());
        text(query, params, filter.text());
        return new Where(query.toString(), params);
    }

    private record Where(String condition, Parameters params) {
    }

    /** What an authenticated caller may list: their scope, then their filters. */
    public PanacheQuery<Institution> registry(Scope scope, String county, Sector sector, FilingStatus status,
                                              String text) {
        StringBuilder query = new StringBuilder(scope.condition());
        Parameters params = new Parameters();
        for (Map.Entry<String, Object> p : scope.parameters().map().entrySet()) {
            params.and(p.getKey(), p.getValue());
        }
        and(query, params, "divisionCode", "county", county);
        and(query, params, "sector", "sector", sector);
        and(query, params, "filingStatus", "status", status);
        if (text != null && text.length() == 18) {
            query.append(" and (uscc = :uscc or name like :text)");
            params.and("uscc", text.toUpperCase()).and("text", like(text));
        } else {
            text(query, params, text);
        }
        return find(query.toString(), Sort.by("name").and("id"), params);
    }

    private static void and(StringBuilder query, Parameters params, String field, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(name);
            params.and(name, value);
        }
    }

    /** Uses the GIN-indexed name grams (V3 migration) to find candidates, LIKE to confirm the exact substring. */
    private static void text(StringBuilder query, Parameters params, String text) {
        String clean = text == null ? "" : sanitize(text);
        if (!clean.isEmpty()) {
            query.append(" and array_includes(nameGrams, :grams) and name like :text");
            params.and("grams", grams(clean)).and("text", "%" + clean + "%");
        }
    }

    /** The same grams as the database's name_grams(): pairs of adjacent characters, or the one character. */
    static String[] grams(String text) {
        int[] cps = text.codePoints().toArray();
        if (cps.length == 1) {
            return new String[]{new String(cps, 0, 1)};
        }
        java.util.Set<String> grams = new java.util.LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams.toArray(String[]::new);
    }

    private static String like(String text) {
        return "%" + sanitize(text) + "%";
    }

    private static String sanitize(String text) {
        return text.replace("\\", "").replace("%", "").replace("_", "").replace("\u001f", "").strip();
    }

    /**
     * How many filed institutions match, counted up to {@code cap}: beyond it the directory says "more than cap"
     * rather than count a whole city's register for every page it shows. SQL, because HQL allows no LIMIT in a
     * subquery without an ORDER BY, which would make the count sort.
     */
    public long directoryCount(DirectoryFilter f, int cap) {
        StringBuilder sql = new StringBuilder("select count(*) from (select 1 from institution where filing_status = 'FILED'");
        java.util.List<Object> values = new java.util.ArrayList<>();
        column(sql, values, "city_code", f.cityCode());
        column(sql, values, "division_code", f.divisionCode());
        column(sql, values, "sector", f.sector() == null ? null : f.sector().name());
        column(sql, values, "kind", f.kind() == null ? null : f.kind().name());
        column(sql, values, "inclusive", f.inclusive());
        column(sql, values, "demonstration", f.demonstration());
        String clean = f.text() == null ? "" : sanitize(f.text());
        if (!clean.isEmpty()) {
            values.add(String.join("\u001f", grams(clean)));
            sql.append(" and name_grams @> string_to_array(?").append(values.size()).append(", chr(31))::varchar[]");
            values.add("%" + clean + "%");
            sql.append(" and name like ?").append(values.size());
        }
        sql.append(" limit ").append(cap).append(") matched");
        var query = getEntityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static void column(StringBuilder sql, java.util.List<Object> values, String column, Object value) {
        if (value != null) {
            values.add(value);
            sql.append(" and ").append(column).append(" = ?").append(values.size());
        }
    }

    public record DirectoryFilter(String cityCode, String divisionCode, Sector sector, InstitutionKind kind,
                                  Boolean inclusive, Boolean demonstration, String text) {
    }
}
