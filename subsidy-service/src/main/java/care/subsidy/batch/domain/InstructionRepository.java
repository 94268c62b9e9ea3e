package care.subsidy.batch.domain;

import care.subsidy.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads payment instructions with their entitlement, by native SQL (the tables are written set-based). */
@ApplicationScoped
public class InstructionRepository {

    /** The columns {@link #map} reads, from payment_instruction {@code p} and payment_line {@code l}. */
    public static final String COLUMNS = """
            p.id, p.batch_id, l.programme_code, l.period, l.beneficiary_key, l.payee_name,
                   l.masked_citizen_id, l.staff_id, l.institution_id, l.institution_uscc, l.institution_name,
                   l.division_code, l.grade, l.units, p.amount_fen, p.attempt, p.status, p.bank_reference,
                   p.paid_on, p.failure_reason, l.basis, p.city_code, p.returned_on, p.reversal_reason,
                   p.reversal_reference""";
    /** How many columns {@link #COLUMNS} has: a query may select more after them, from index WIDTH on. */
    public static final int WIDTH = 25;
    private static final String SELECT = "select " + COLUMNS
            + "\nfrom payment_instruction p join payment_line l on l.id = p.line_id\n";

    private final EntityManager em;

    public InstructionRepository(EntityManager em) {
        this.em = em;
    }

    /** One page of a batch's instructions in the caller's scope (a county reviewer: its county's), stable order. */
    public List<InstructionView> page(UUID batchId, Scope scope, String status, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery(SELECT + """
                        where p.batch_id = :batch and (cast(:status as varchar) is null or p.status = cast(:status as varchar))
                        """ + scope.lines("l") + " order by p.id limit :size offset :offset"))
                .setParameter("batch", batchId).setParameter("status", status)
                .setParameter("size", size).setParameter("offset", (long) page * size).getResultList();
        return rows.stream().map(InstructionRepository::map).toList();
    }

    public long count(UUID batchId, Scope scope, String status) {
        return ((Number) scope.bind(em.createNativeQuery("""
                        select count(*) from payment_instruction p join payment_line l on l.id = p.line_id
                        where p.batch_id = :batch and (cast(:status as varchar) is null or p.status = cast(:status as varchar))
                        """ + scope.lines("l")))
                .setParameter("batch", batchId).setParameter("status", status).getSingleResult()).longValue();
    }

    /** Lines and fen of each batch within the scope: what a county reviewer's view of a city batch adds up to. */
    public java.util.Map<UUID, long[]> totals(List<UUID> batchIds, Scope scope) {
        java.util.Map<UUID, long[]> totals = new java.util.HashMap<>();
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
        List<Object[]> rows = scope.bind(em.createNativeQuery(SELECT + " where p.id = :id" + scope.lines("l")))
                .setParameter("id", instructionId).getResultList();
        return rows.stream().findFirst().map(InstructionRepository::map);
    }

    public static InstructionView map(Object[] r) {
        return new InstructionView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (UUID) r[7], (UUID) r[8], (String) r[9], (String) r[10],
                (String) r[11], (String) r[12], r[13] == null ? null : ((Number) r[13]).intValue(),
                ((Number) r[14]).longValue(), ((Number) r[15]).intValue(), (String) r[16], (String) r[17],
                care.subsidy.Sql.date(r[18]), (String) r[19], (String) r[20],
                (String) r[21], care.subsidy.Sql.date(r[22]), (String) r[23], (String) r[24]);
    }
}
