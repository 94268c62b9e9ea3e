package care.subsidy.batch.domain;

import care.subsidy.access.Scope;
import care.subsidy.support.Periods;
import care.subsidy.support.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads payment instructions with their entitlement, by native SQL (the tables are written set-based), each row
 * mapped by column name ({@link #map}).
 */
@ApplicationScoped
public class InstructionRepository {

    /** The columns {@link #map} reads, from payment_instruction {@code p} and payment_line {@code l}. */
    private static final String COLUMNS = """
            p.id, p.batch_id, l.programme_code, l.period, l.beneficiary_key, l.payee_name,
                   l.masked_citizen_id, l.staff_id, l.institution_id, l.institution_uscc, l.institution_name,
                   l.division_code, l.grade, l.units, p.amount_fen, p.attempt, p.status, p.bank_reference,
                   p.paid_on, p.failure_reason, l.basis, p.city_code, p.returned_on, p.reversal_reason,
                   p.reversal_reference""";
    private static final String FROM = "\nfrom payment_instruction p join payment_line l on l.id = p.line_id\n";
    private static final String SELECT = "select " + COLUMNS + FROM;
    /** With the day the batch was released to finance: what a result is checked against. */
    private static final String SELECT_RELEASED = "select " + COLUMNS + ", b.released_at" + FROM
            + "join payment_batch b on b.id = p.batch_id\n";

    /** An instruction with the day (China time) its batch was released to finance; null before the release. */
    public record Released(InstructionView instruction, LocalDate releasedOn) {

        static Released of(Row row) {
            Instant at = row.instant("released_at");
            return new Released(map(row), at == null ? null : Periods.day(at));
        }
    }

    private final EntityManager em;

    public InstructionRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * One page of a batch's instructions in the caller's scope (a county reviewer: its county's), stable order;
     * {@code status} and {@code text} (part of the payee's or institution's name, or the institution's USCC) narrow it.
     */
    public List<InstructionView> page(UUID batchId, Scope scope, String status, String text, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = filtered(em.createNativeQuery(SELECT + LINES_WHERE + scope.lines("l")
                        + " order by p.id limit :size offset :offset", Tuple.class), scope, batchId, status, text)
                .setParameter("size", size).setParameter("offset", (long) page * size).getResultList();
        return rows.stream().map(r -> map(Row.of(r))).toList();
    }

    public long count(UUID batchId, Scope scope, String status, String text) {
        return ((Number) filtered(em.createNativeQuery("select count(*)" + FROM + LINES_WHERE + scope.lines("l")),
                scope, batchId, status, text).getSingleResult()).longValue();
    }

    private static final String LINES_WHERE = """
            where p.batch_id = :batch and (cast(:status as varchar) is null or p.status = cast(:status as varchar))
              and (cast(:text as varchar) is null or l.payee_name like :contains escape '\\'
                   or l.institution_name like :contains escape '\\' or l.institution_uscc = upper(cast(:text as varchar)))
            """;

    private static Query filtered(Query query, Scope scope, UUID batchId, String status, String text) {
        String literal = text == null ? "" : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return scope.bind(query).setParameter("batch", batchId).setParameter("status", status)
                .setParameter("text", text).setParameter("contains", "%" + literal + "%");
    }

    /** Lines and fen of each batch within the scope: what a county reviewer's view of a city batch adds up to. */
    public Map<UUID, long[]> totals(List<UUID> batchIds, Scope scope) {
        Map<UUID, long[]> totals = new HashMap<>();
        if (batchIds.isEmpty()) {
            return totals;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery("""
                        select p.batch_id, count(*), coalesce(sum(p.amount_fen), 0)
                        from payment_instruction p join payment_line l on l.id = p.line_id
                        where p.batch_id in (:batches) and p.status <> 'CANCELLED'
                        """ + scope.lines("l") + " group by p.batch_id"))
                .setParameter("batches", batchIds).getResultList();
        rows.forEach(r -> totals.put((UUID) r[0], new long[]{((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
        return totals;
    }

    /** One instruction in the caller's scope. */
    public Optional<InstructionView> find(UUID instructionId, Scope scope) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = scope.bind(em.createNativeQuery(SELECT + " where p.id = :id" + scope.lines("l"),
                        Tuple.class))
                .setParameter("id", instructionId).getResultList();
        return rows.stream().findFirst().map(r -> map(Row.of(r)));
    }

    /** One instruction in the caller's scope, with its batch's release day. */
    public Optional<Released> findReleased(UUID instructionId, Scope scope) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = scope.bind(em.createNativeQuery(SELECT_RELEASED + " where p.id = :id" + scope.lines("l"),
                        Tuple.class))
                .setParameter("id", instructionId).getResultList();
        return rows.stream().findFirst().map(r -> Released.of(Row.of(r)));
    }

    /**
     * Instructions of the scope's city with their batch's release day, locked until the transaction ends: one
     * statement however many ids, the rows locked in id order so that two transactions settling overlapping sets
     * never deadlock.
     */
    public Map<UUID, Released> lockReleased(List<UUID> ids, Scope scope) {
        Map<UUID, Released> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement read = c.prepareStatement(SELECT_RELEASED
                    + "where p.id = any(?::uuid[]) and p.city_code = ? order by p.id for update of p")) {
                read.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                read.setString(2, scope.cityCode());
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        Released released = Released.of(Row.of(rs));
                        found.put(released.instruction().instructionId(), released);
                    }
                }
            }
        });
        return found;
    }

    private static InstructionView map(Row r) {
        return new InstructionView(r.uuid("id"), r.uuid("batch_id"), r.string("programme_code"), r.string("period"),
                r.string("beneficiary_key"), r.string("payee_name"), r.string("masked_citizen_id"),
                r.uuid("staff_id"), r.uuid("institution_id"), r.string("institution_uscc"),
                r.string("institution_name"), r.string("division_code"), r.string("grade"), r.integer("units"),
                r.longValue("amount_fen"), r.integer("attempt"), r.string("status"), r.string("bank_reference"),
                r.date("paid_on"), r.string("failure_reason"), r.string("basis"), r.string("city_code"),
                r.date("returned_on"), r.string("reversal_reason"), r.string("reversal_reference"));
    }
}
