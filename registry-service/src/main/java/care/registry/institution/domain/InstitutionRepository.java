package care.registry.institution.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Sector;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import org.hibernate.jpa.HibernateHints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    public Optional<Institution> findByUscc(String uscc) {
        return find("uscc", uscc).firstResultOptional();
    }

    /** What an authenticated caller may list: their scope, then their filters. */
    public PanacheQuery<Institution> registry(InstitutionScope scope, String county, Sector sector, FilingStatus status,
                                              String text) {
        StringBuilder query = new StringBuilder(scope.condition());
        Parameters params = new Parameters();
        for (Map.Entry<String, Object> p : scope.parameters().map().entrySet()) {
            params.and(p.getKey(), p.getValue());
        }
        and(query, params, "facts.divisionCode", "county", county);
        and(query, params, "facts.sector", "sector", sector);
        and(query, params, "filingStatus", "status", status);
        if (text != null && text.length() == 18) {
            query.append(" and (uscc = :uscc or facts.name like :text)");
            params.and("uscc", text.toUpperCase()).and("text", like(text));
        } else {
            text(query, params, text);
        }
        return find(query.toString(), Sort.by("facts.name").and("id"), params);
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
            query.append(" and array_includes(nameGrams, :grams) and facts.name like :text");
            params.and("grams", grams(clean)).and("text", "%" + clean + "%");
        }
    }

    /** The same grams as the database's name_grams(): pairs of adjacent characters, or the one character. */
    static String[] grams(String text) {
        int[] cps = text.codePoints().toArray();
        if (cps.length == 1) {
            return new String[]{new String(cps, 0, 1)};
        }
        Set<String> grams = new LinkedHashSet<>();
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
     * Plans the directory's queries in this transaction for their actual values. After five executions the JDBC
     * driver's prepared statements may get a generic plan, which cannot tell a common name fragment from a rare one
     * and chose scans 100 times slower for some; planning each time costs a fraction of a millisecond.
     */
    public void planForTheseValues() {
        getEntityManager().createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
    }

    /**
     * How many filed institutions match, counted up to {@code cap}: beyond it the directory says "more than cap"
     * rather than count a whole city's register for every page it shows. The LIMIT inside lets PostgreSQL stop
     * at the cap; the filter indexes (V4) answer most counts from the index alone.
     */
    public long directoryCount(DirectoryFilter filter, int cap) {
        DirectorySql where = DirectorySql.where(filter, true);
        return ((Number) where.bind(getEntityManager().createNativeQuery(
                "select count(*) from (select 1 from institution where " + where.sql + " limit " + cap + ") matched"))
                .getSingleResult()).longValue();
    }

    /**
     * The ids of one directory page, in order; {@link #findOrdered} loads them. Only ids, so that PostgreSQL can
     * answer from the covering indexes of V4 without reading a row it does not show.
     *
     * @param fewMatches the caller counted the text matches and found at most the count cap: collect them all
     *                   through the name-gram index and sort them. Otherwise walk an index in the page's order
     *                   and test each name there, which stops after the page when matches are common. Neither
     *                   plan suits both cases, and the planner misjudges "name contains q" (grams and LIKE look
     *                   independent to it), so the count, which the page needs anyway, decides.
     */
    public List<UUID> directoryPage(DirectoryFilter filter, DirectoryOrder order, int offset, int limit,
                                    boolean fewMatches) {
        DirectorySql where = DirectorySql.where(filter, fewMatches);
        String orderBy = order.sql();
        String sql = fewMatches
                // materialized: the matches first, whatever the planner thinks of walking the sort index
                ? "with matched as materialized (select id, name, capacity, filed_on from institution where "
                  + where.sql + ") select id from matched order by " + orderBy
                : "select id from institution where " + where.sql + " order by " + orderBy;
        int next = where.values().size() + 1;
        // No result class: Hibernate 7.2 keys its cache of native query plans by the SQL and the result mapping, and
        // the mapping it makes for a class such as UUID.class equals no other. Each call added a plan of the same
        // SQL until the cache held 2,048 copies, and each lookup compared them (a third of a directory request's
        // CPU). Limit and offset are parameters, so that every page of a filter shares one plan and one statement.
        List<?> ids = where.bind(getEntityManager().createNativeQuery(
                        sql + " limit ?" + next + " offset ?" + (next + 1)))
                .setParameter(next, limit).setParameter(next + 1, offset).getResultList();
        return ids.stream().map(UUID.class::cast).toList();
    }

    /**
     * The institutions of these ids, in the ids' order, read-only (no snapshots to compare at commit). The ids go as
     * one array, {@code id = any(?1)}, which the primary key answers: an HQL {@code in} list of them is translated
     * again at every call, and HQL's {@code array_contains} becomes {@code ?1 @> array[id]}, which no index serves.
     */
    @SuppressWarnings("unchecked")
    public List<Institution> findOrdered(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Institution> byId = new HashMap<>();
        ((List<Institution>) getEntityManager()
                .createNativeQuery("select * from institution where id = any(?1)", Institution.class)
                .setParameter(1, ids.toArray(UUID[]::new))
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList()).forEach(i -> byId.put(i.id, i));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A directory sort order ({@code name}, {@code -capacity}, …); the id breaks ties so that pages never overlap. */
    public record DirectoryOrder(String column, boolean descending) {

        private static final Map<String, String> COLUMNS =
                Map.of("name", "name", "filedOn", "filed_on", "capacity", "capacity");

        /** @param sort a field of {@link #COLUMNS}, with a leading "-" for descending (validated by the resource) */
        public static DirectoryOrder of(String sort) {
            boolean descending = sort.startsWith("-");
            return new DirectoryOrder(COLUMNS.get(descending ? sort.substring(1) : sort), descending);
        }

        String sql() {
            String direction = descending ? " desc" : "";
            return column + direction + ", id" + direction;
        }
    }

    /**
     * A directory WHERE clause over filed institutions with its positional parameters. The search box takes a name,
     * an address, a 统一社会信用代码 or a 备案号: text of a USCC's or a 备案号's shape is looked up exactly (a name or
     * address never has that shape), any other text is a fragment of the name or the address.
     */
    private record DirectorySql(String sql, List<Object> values) {

        /** 18 letters and digits: the USCC's shape, its check character left to the exact match. */
        private static final Pattern USCC = Pattern.compile("[0-9A-Za-z]{18}");
        /** The 备案回执 number: the county, the year and its sequence (530102-2026-000001). */
        private static final Pattern FILING_NUMBER = Pattern.compile("\\d{6}-\\d{4}-\\d{1,12}");

        static DirectorySql where(DirectoryFilter f, boolean viaGrams) {
            StringBuilder sql = new StringBuilder("filing_status = 'FILED'");
            List<Object> values = new ArrayList<>();
            column(sql, values, "city_code", f.cityCode());
            column(sql, values, "division_code", f.divisionCode());
            column(sql, values, "sector", f.sector() == null ? null : f.sector().name());
            column(sql, values, "kind", f.kind() == null ? null : f.kind().name());
            column(sql, values, "inclusive", f.inclusive());
            column(sql, values, "demonstration", f.demonstration());
            String clean = f.text() == null ? "" : sanitize(f.text());
            if (USCC.matcher(clean).matches()) { // one institution, by its unique index
                column(sql, values, "uscc", clean.toUpperCase(Locale.ROOT));
            } else if (FILING_NUMBER.matcher(clean).matches()) {
                column(sql, values, "filing_number", clean);
            } else if (!clean.isEmpty()) {
                if (viaGrams) { // the GIN index on the name's and address's grams finds the candidates, LIKE confirms
                    values.add(String.join("\u001f", grams(clean)));
                    sql.append(" and text_grams @> string_to_array(?").append(values.size())
                            .append(", chr(31))::varchar[]");
                }
                values.add("%" + clean + "%");
                sql.append(" and (name like ?").append(values.size()).append(" or address like ?")
                        .append(values.size()).append(')');
            }
            return new DirectorySql(sql.toString(), values);
        }

        private static void column(StringBuilder sql, List<Object> values, String column, Object value) {
            if (value != null) {
                values.add(value);
                sql.append(" and ").append(column).append(" = ?").append(values.size());
            }
        }

        <Q extends Query> Q bind(Q query) {
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query;
        }
    }

    public record DirectoryFilter(String cityCode, String divisionCode, Sector sector, InstitutionKind kind,
                                  Boolean inclusive, Boolean demonstration, String text) {
    }
}
