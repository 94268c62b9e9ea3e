package care.subsidy.finance.service;

import care.contracts.event.PaymentFailedV1;
import care.contracts.event.PaymentReversedV1;
import care.contracts.event.PaymentSettledV1;
import care.contracts.outbox.Outbox;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.subsidy.Access;
import care.subsidy.Periods;
import care.subsidy.batch.domain.InstructionRepository;
import care.subsidy.batch.domain.InstructionView;
import care.subsidy.finance.rest.ResultRequest;
import care.subsidy.finance.rest.ReversalRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies the finance bureau's results, each exactly once.
 * <ul>
 * <li>The Idempotency-Key is claimed first, in the same transaction as the result: a retry with the same key and
 * body gets the stored first answer; the same key with another body is refused (422); a concurrent twin waits for
 * the first transaction and then replays it. A refused request stores nothing, so it may be retried.</li>
 * <li>The instruction moves RELEASED → PAID/FAILED by a conditional update, so of two different keys racing for one
 * instruction exactly one wins and the other gets 409 ALREADY_SETTLED.</li>
 * <li>The ledger entry and the PaymentSettled/PaymentFailed event (outbox) are written in that same transaction.</li>
 * <li>A bank return (退汇) of a paid instruction follows the same rules: PAID → REVERSED exactly once, a REVERSED
 * ledger entry and PaymentReversed, the keys shared with the results ({@link #reversal}).</li>
 * </ul>
 */
@ApplicationScoped
@Transactional
public class FinanceService {

    /** A replayed or fresh answer to a result post. */
    public record Answer(int status, String body, boolean replayed) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;

    public FinanceService(EntityManager em, Outbox outbox, ObjectMapper json) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Three round trips on the way to commit: claim the key and read the instruction (one statement), write the
     * outbox event, then settle the instruction, append the ledger entry and store the answer (one statement).
     */
    public Answer result(UUID instructionId, String key, ResultRequest request, Access access) {
        String client = access.who();
        String hash = hash(instructionId, request);
        List<Object[]> claimed = claim(client, key, hash, instructionId);
        if (claimed.isEmpty()) {
            return replay(client, key, hash);
        }
        Object[] row = claimed.get(0);
        if (row[0] == null || !access.scope().cityCode().equals(row[21])) {
            throw ProblemException.notFound("payment instruction", instructionId);
        }
        InstructionView instruction = InstructionRepository.map(row);
        check(instruction, released(row), request);

        boolean paid = request.outcome() == ResultRequest.Outcome.PAID;
        LocalDate paidOn = paid ? request.paidOn() : null;
        publish(instruction, request); // rolled back with the rest if the settlement below loses a race
        String body = write(FinanceInstruction.of(instruction).settled(request.outcome().name(),
                request.bankReference(), paidOn, request.reason()));
        // the conditional update decides races: of two keys for one instruction exactly one finds it RELEASED
        Number settled = (Number) em.createNativeQuery("""
                        with settled as (
                            update payment_instruction set status = ?2, bank_reference = ?3, paid_on = ?4,
                                failure_reason = ?5, settled_by = ?6, settled_at = now(), version = version + 1
                            where id = ?1 and status = 'RELEASED'
                            returning id, batch_id),
                        entry as (
                            insert into ledger_entry (entry_type, instruction_id, batch_id, programme_code, period,
                                                      city_code, amount_fen, reference, recorded_by)
                            select ?2, id, batch_id, ?7, ?8, ?9, ?10, ?11, ?6 from settled),
                        answer as (
                            update finance_idempotency set response_status = 200, response_body = ?13
                            where client_id = ?6 and idempotency_key = ?12 and exists (select 1 from settled))
                        select count(*) from settled""")
                .setParameter(1, instructionId).setParameter(2, request.outcome().name())
                .setParameter(3, paid ? request.bankReference() : null).setParameter(4, paidOn)
                .setParameter(5, paid ? null : request.reason()).setParameter(6, client)
                .setParameter(7, instruction.programmeCode()).setParameter(8, instruction.period())
                .setParameter(9, instruction.cityCode()).setParameter(10, instruction.amountFen())
                .setParameter(11, paid ? request.bankReference() : request.reason())
                .setParameter(12, key).setParameter(13, body)
                .getSingleResult();
        if (settled.intValue() == 0) {
            throw alreadySettled(instructionId); // a concurrent result won the race
        }
        return new Answer(200, body, false);
    }

    /**
     * Claims the key and reads the instruction with its batch's release time, in one statement. No rows: the key
     * was claimed before (a concurrent twin's insert waits here for that one to end), so the caller replays it.
     * One row whose first column is null: the instruction does not exist.
     */
    private List<Object[]> claim(String client, String key, String hash, UUID instructionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("""
                        with claim as (
                            insert into finance_idempotency (client_id, idempotency_key, request_hash, instruction_id,
                                                             response_status, response_body)
                            values (?1, ?2, ?3, ?4, 0, '') on conflict do nothing
                            returning instruction_id)
                        select %s, b.released_at
                        from claim left join payment_instruction p on p.id = claim.instruction_id
                             left join payment_line l on l.id = p.line_id
                             left join payment_batch b on b.id = p.batch_id""".formatted(InstructionRepository.COLUMNS))
                .setParameter(1, client).setParameter(2, key).setParameter(3, hash).setParameter(4, instructionId)
                .getResultList();
        return claimed;
    }

    /**
     * The bank returned a paid amount (退汇): PAID → REVERSED, a REVERSED ledger entry and PaymentReversedV1, in one
     * transaction and with the result's idempotency rules (the keys are shared: a key first used for a result is
     * refused for a reversal, 422). Of concurrent reversals of one instruction under different keys exactly one
     * wins (conditional update); the others get 409 ALREADY_REVERSED. REVERSED frees the entitlement: the
     * programme's next batch instructs it again, as after FAILED.
     */
    public Answer reversal(UUID instructionId, String key, ReversalRequest request, Access access) {
        String client = access.who();
        String hash = hash("reversal|" + instructionId, request);
        List<Object[]> claimed = claim(client, key, hash, instructionId);
        if (claimed.isEmpty()) {
            return replay(client, key, hash);
        }
        Object[] row = claimed.get(0);
        if (row[0] == null || !access.scope().cityCode().equals(row[21])) {
            throw ProblemException.notFound("payment instruction", instructionId);
        }
        InstructionView instruction = InstructionRepository.map(row);
        checkReversal(instruction, request);

        outbox.publish(PaymentReversedV1.TYPE, PaymentReversedV1.VERSION, instructionId.toString(),
                instruction.cityCode(), instruction.divisionCode(),
                new PaymentReversedV1(instructionId, instruction.batchId(), instruction.programmeCode(),
                        instruction.period(), instruction.beneficiaryKey(), instruction.institutionId(),
                        instruction.amountFen(), instruction.paidOn(), request.returnedOn(), request.reason(),
                        request.bankReference()));
        String body = write(FinanceInstruction.of(instruction).reversed(request.returnedOn(), request.reason(),
                request.bankReference()));
        String reference = request.bankReference() == null ? request.reason()
                : request.bankReference() + " " + request.reason();
        // the conditional update decides races: of two keys for one instruction exactly one finds it PAID
        Number reversed = (Number) em.createNativeQuery("""
                        with reversed as (
                            update payment_instruction set status = 'REVERSED', returned_on = ?2,
                                reversal_reason = ?3, reversal_reference = ?4, reversed_by = ?5, reversed_at = now(),
                                version = version + 1
                            where id = ?1 and status = 'PAID'
                            returning id, batch_id),
                        entry as (
                            insert into ledger_entry (entry_type, instruction_id, batch_id, programme_code, period,
                                                      city_code, amount_fen, reference, recorded_by)
                            select 'REVERSED', id, batch_id, ?6, ?7, ?8, ?9, ?10, ?5 from reversed),
                        answer as (
                            update finance_idempotency set response_status = 200, response_body = ?12
                            where client_id = ?5 and idempotency_key = ?11 and exists (select 1 from reversed))
                        select count(*) from reversed""")
                .setParameter(1, instructionId).setParameter(2, request.returnedOn())
                .setParameter(3, request.reason()).setParameter(4, request.bankReference())
                .setParameter(5, client).setParameter(6, instruction.programmeCode())
                .setParameter(7, instruction.period()).setParameter(8, instruction.cityCode())
                .setParameter(9, instruction.amountFen()).setParameter(10, reference)
                .setParameter(11, key).setParameter(12, body)
                .getSingleResult();
        if (reversed.intValue() == 0) {
            throw alreadyReversed(instructionId); // a concurrent reversal won the race
        }
        return new Answer(200, body, false);
    }

    private static void checkReversal(InstructionView instruction, ReversalRequest request) {
        switch (instruction.status()) {
            case "PAID" -> { }
            case "REVERSED" -> throw alreadyReversed(instruction.instructionId());
            default -> throw ProblemException.conflict("NOT_PAID", "该支付指令尚未支付，不能退汇",
                    "instruction " + instruction.instructionId() + " is " + instruction.status()
                            + ": only a paid instruction can be reversed");
        }
        if (request.amountFen() != instruction.amountFen()) {
            throw new ProblemException(Problem.of(422, "AMOUNT_MISMATCH", "金额与支付指令不符",
                    "the instruction was paid " + instruction.amountFen() + " fen, not " + request.amountFen()
                            + "; a reversal returns the whole payment")
                    .withViolations(List.of(new care.contracts.problem.Violation("amountFen",
                            "must be " + instruction.amountFen()))));
        }
        if (request.returnedOn().isAfter(Periods.today())) {
            throw ProblemException.invalid("returnedOn", "the return date cannot be in the future");
        }
        if (instruction.paidOn() != null && request.returnedOn().isBefore(instruction.paidOn())) {
            throw ProblemException.invalid("returnedOn", "the payment's value date was " + instruction.paidOn()
                    + "; it cannot have been returned before");
        }
    }

    private static ProblemException alreadyReversed(UUID id) {
        return ProblemException.conflict("ALREADY_REVERSED", "该支付指令已退汇",
                "instruction " + id + " was already reversed; a return is never recorded twice");
    }

    /** One item's answer in a bulk post: what the single-result endpoint would have answered. */
    public record Outcome(Answer answer, Problem problem) {
        static Outcome refused(ProblemException e) {
            return new Outcome(null, e.problem);
        }
    }

    /**
     * Many results in one transaction and a fixed number of statements (plus one outbox row per result), with the
     * single-result rules per item: keys claimed first (a key used before is replayed, or 422 with another body), a
     * refused item's claim removed again so it stores nothing, the instructions locked in id order (two files never
     * deadlock) and settled only if still RELEASED (409 otherwise), the ledger entries, events and answers written
     * with them. The caller guarantees distinct keys and distinct instructions.
     */
    public List<Outcome> results(List<UUID> ids, List<String> keys, List<ResultRequest> requests, Access access) {
        String client = access.who();
        String city = access.scope().cityCode();
        int n = ids.size();
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = hash(ids.get(i), requests.get(i));
        }
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            Set<String> claimed = new HashSet<>();
            try (PreparedStatement claim = c.prepareStatement("""
                    insert into finance_idempotency (client_id, idempotency_key, request_hash, instruction_id,
                                                     response_status, response_body)
                    select ?, k, h, i, 0, '' from unnest(?::text[], ?::text[], ?::uuid[]) as u(k, h, i) order by k
                    on conflict do nothing returning idempotency_key""")) {
                claim.setString(1, client);
                claim.setArray(2, c.createArrayOf("text", keys.toArray()));
                claim.setArray(3, c.createArrayOf("text", hashes));
                claim.setArray(4, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(rs.getString(1));
                    }
                }
            }
            Map<UUID, Object[]> rows = new HashMap<>();
            try (PreparedStatement read = c.prepareStatement("select " + InstructionRepository.COLUMNS + """
                    , b.released_at from payment_instruction p join payment_line l on l.id = p.line_id
                      join payment_batch b on b.id = p.batch_id
                    where p.id = any(?::uuid[]) order by p.id for update of p""")) {
                List<UUID> wanted = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (claimed.contains(keys.get(i))) {
                        wanted.add(ids.get(i));
                    }
                }
                read.setArray(1, c.createArrayOf("uuid", wanted.toArray()));
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[InstructionRepository.WIDTH + 1];
                        for (int k = 0; k < row.length; k++) {
                            row[k] = rs.getObject(k + 1);
                        }
                        rows.put((UUID) row[0], row);
                    }
                }
            }

            Outcome[] outcomes = new Outcome[n];
            List<Integer> accepted = new ArrayList<>();
            List<String> refusedKeys = new ArrayList<>();
            List<String> replayKeys = new ArrayList<>();
            Map<Integer, InstructionView> views = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (!claimed.contains(keys.get(i))) {
                    replayKeys.add(keys.get(i));
                    continue;
                }
                Object[] row = rows.get(ids.get(i));
                try {
                    if (row == null || !city.equals(row[21])) {
                        throw ProblemException.notFound("payment instruction", ids.get(i));
                    }
                    InstructionView view = InstructionRepository.map(row);
                    check(view, released(row), requests.get(i));
                    views.put(i, view);
                    accepted.add(i);
                } catch (ProblemException refused) {
                    outcomes[i] = Outcome.refused(refused);
                    refusedKeys.add(keys.get(i));
                }
            }

            // the rows are locked, so RELEASED read above still holds; the condition stays as a guard
            Set<UUID> settled = new HashSet<>();
            if (!accepted.isEmpty()) {
                try (PreparedStatement settle = c.prepareStatement("""
                        update payment_instruction p set status = u.s, bank_reference = u.r, paid_on = u.d,
                            failure_reason = u.f, settled_by = ?, settled_at = now(), version = p.version + 1
                        from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[]) as u(id, s, r, d, f)
                        where p.id = u.id and p.status = 'RELEASED'
                        returning p.id""")) {
                    settle.setString(1, client);
                    settle.setArray(2, c.createArrayOf("uuid", accepted.stream().map(ids::get).toArray()));
                    settle.setArray(3, c.createArrayOf("text", accepted.stream()
                            .map(i -> requests.get(i).outcome().name()).toArray()));
                    settle.setArray(4, c.createArrayOf("text", accepted.stream()
                            .map(i -> paid(requests.get(i)) ? requests.get(i).bankReference() : null).toArray()));
                    settle.setArray(5, c.createArrayOf("date", accepted.stream()
                            .map(i -> paid(requests.get(i)) ? java.sql.Date.valueOf(requests.get(i).paidOn()) : null)
                            .toArray()));
                    settle.setArray(6, c.createArrayOf("text", accepted.stream()
                            .map(i -> paid(requests.get(i)) ? null : requests.get(i).reason()).toArray()));
                    try (ResultSet rs = settle.executeQuery()) {
                        while (rs.next()) {
                            settled.add((UUID) rs.getObject(1));
                        }
                    }
                }
            }
            List<Integer> done = new ArrayList<>();
            for (int i : accepted) {
                if (settled.contains(ids.get(i))) {
                    done.add(i);
                } else {
                    outcomes[i] = Outcome.refused(alreadySettled(ids.get(i)));
                    refusedKeys.add(keys.get(i));
                }
            }

            if (!done.isEmpty()) {
                try (PreparedStatement ledger = c.prepareStatement("""
                        insert into ledger_entry (entry_type, instruction_id, batch_id, programme_code, period,
                                                  city_code, amount_fen, reference, recorded_by)
                        select t, id, b, pc, pe, ci, a, r, ? from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[],
                            ?::text[], ?::text[], ?::int8[], ?::text[]) as u(t, id, b, pc, pe, ci, a, r)""");
                     PreparedStatement answer = c.prepareStatement("""
                        update finance_idempotency f set response_status = 200, response_body = u.body
                        from unnest(?::text[], ?::text[]) as u(k, body)
                        where f.client_id = ? and f.idempotency_key = u.k""")) {
                    List<InstructionView> settledViews = done.stream().map(views::get).toList();
                    ledger.setString(1, client);
                    ledger.setArray(2, c.createArrayOf("text", done.stream()
                            .map(i -> requests.get(i).outcome().name()).toArray()));
                    ledger.setArray(3, c.createArrayOf("uuid", done.stream().map(ids::get).toArray()));
                    ledger.setArray(4, c.createArrayOf("uuid", settledViews.stream()
                            .map(InstructionView::batchId).toArray()));
                    ledger.setArray(5, c.createArrayOf("text", settledViews.stream()
                            .map(InstructionView::programmeCode).toArray()));
                    ledger.setArray(6, c.createArrayOf("text", settledViews.stream()
                            .map(InstructionView::period).toArray()));
                    ledger.setArray(7, c.createArrayOf("text", settledViews.stream()
                            .map(InstructionView::cityCode).toArray()));
                    ledger.setArray(8, c.createArrayOf("int8", settledViews.stream()
                            .map(InstructionView::amountFen).toArray()));
                    ledger.setArray(9, c.createArrayOf("text", done.stream().map(i -> paid(requests.get(i))
                            ? requests.get(i).bankReference() : requests.get(i).reason()).toArray()));
                    ledger.executeUpdate();

                    String[] bodies = new String[done.size()];
                    for (int j = 0; j < done.size(); j++) {
                        int i = done.get(j);
                        ResultRequest request = requests.get(i);
                        publish(views.get(i), request);
                        bodies[j] = write(FinanceInstruction.of(views.get(i)).settled(request.outcome().name(),
                                request.bankReference(), paid(request) ? request.paidOn() : null, request.reason()));
                        outcomes[i] = new Outcome(new Answer(200, bodies[j], false), null);
                    }
                    answer.setArray(1, c.createArrayOf("text", done.stream().map(keys::get).toArray()));
                    answer.setArray(2, c.createArrayOf("text", bodies));
                    answer.setString(3, client);
                    answer.executeUpdate();
                }
            }
            if (!refusedKeys.isEmpty()) { // a refused result stores nothing, so its key may be used again
                try (PreparedStatement forget = c.prepareStatement("""
                        delete from finance_idempotency where client_id = ? and idempotency_key = any(?::text[])""")) {
                    forget.setString(1, client);
                    forget.setArray(2, c.createArrayOf("text", refusedKeys.toArray()));
                    forget.executeUpdate();
                }
            }
            if (!replayKeys.isEmpty()) {
                Map<String, Object[]> first = new HashMap<>();
                try (PreparedStatement earlier = c.prepareStatement("""
                        select idempotency_key, request_hash, response_status, response_body from finance_idempotency
                        where client_id = ? and idempotency_key = any(?::text[])""")) {
                    earlier.setString(1, client);
                    earlier.setArray(2, c.createArrayOf("text", replayKeys.toArray()));
                    try (ResultSet rs = earlier.executeQuery()) {
                        while (rs.next()) {
                            first.put(rs.getString(1), new Object[]{rs.getString(2), rs.getInt(3), rs.getString(4)});
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    Object[] stored = first.get(keys.get(i));
                    if (outcomes[i] == null && stored != null) {
                        outcomes[i] = hashes[i].equals(stored[0])
                                ? new Outcome(new Answer((Integer) stored[1], (String) stored[2], true), null)
                                : Outcome.refused(keyReused(keys.get(i)));
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (outcomes[i] == null) { // a key neither claimed nor stored: the database broke its promise
                    throw new IllegalStateException("no answer for Idempotency-Key " + keys.get(i));
                }
            }
            return List.of(outcomes);
        });
    }

    /** The release day of the instruction's batch, selected right after {@link InstructionRepository#COLUMNS}. */
    private static LocalDate released(Object[] row) {
        Object at = row[InstructionRepository.WIDTH];
        return at == null ? null : Periods.day(care.subsidy.Sql.instant(at));
    }

    private static boolean paid(ResultRequest request) {
        return request.outcome() == ResultRequest.Outcome.PAID;
    }

    private static ProblemException keyReused(String key) {
        return new ProblemException(Problem.of(422, "IDEMPOTENCY_KEY_REUSED", "幂等键已用于另一请求",
                "Idempotency-Key " + key + " was first used with a different instruction or body"));
    }

    private void publish(InstructionView instruction, ResultRequest request) {
        UUID id = instruction.instructionId();
        if (request.outcome() == ResultRequest.Outcome.PAID) {
            outbox.publish(PaymentSettledV1.TYPE, PaymentSettledV1.VERSION, id.toString(),
                    instruction.cityCode(), instruction.divisionCode(),
                    new PaymentSettledV1(id, instruction.batchId(), instruction.programmeCode(),
                            instruction.period(), instruction.beneficiaryKey(), instruction.institutionId(),
                            instruction.amountFen(), request.bankReference(), request.paidOn()));
        } else {
            outbox.publish(PaymentFailedV1.TYPE, PaymentFailedV1.VERSION, id.toString(),
                    instruction.cityCode(), instruction.divisionCode(),
                    new PaymentFailedV1(id, instruction.batchId(), instruction.programmeCode(),
                            instruction.period(), instruction.beneficiaryKey(), instruction.institutionId(),
                            instruction.amountFen(), request.reason()));
        }
    }

    private Answer replay(String client, String key, String hash) {
        Object[] first = (Object[]) em.createNativeQuery("""
                        select request_hash, response_status, response_body from finance_idempotency
                        where client_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, client).setParameter(2, key).getSingleResult();
        if (!hash.equals(first[0])) {
            throw keyReused(key);
        }
        return new Answer(((Number) first[1]).intValue(), (String) first[2], true);
    }

    private void check(InstructionView instruction, LocalDate released, ResultRequest request) {
        switch (instruction.status()) {
            case "RELEASED" -> { }
            case "PAID", "FAILED", "REVERSED" -> throw alreadySettled(instruction.instructionId());
            default -> throw new ProblemException(Problem.of(409, "NOT_RELEASED", "该批次尚未下达财政",
                    "instruction " + instruction.instructionId() + " is " + instruction.status()
                            + ": only instructions of a released batch take results"));
        }
        if (request.amountFen() != instruction.amountFen()) {
            throw new ProblemException(Problem.of(422, "AMOUNT_MISMATCH", "金额与支付指令不符",
                    "the instruction is for " + instruction.amountFen() + " fen, not " + request.amountFen())
                    .withViolations(List.of(new care.contracts.problem.Violation("amountFen",
                            "must be " + instruction.amountFen()))));
        }
        if (request.outcome() == ResultRequest.Outcome.PAID) {
            if (request.bankReference() == null) {
                throw ProblemException.invalid("bankReference", "a paid result needs the bank's reference");
            }
            if (request.paidOn() == null) {
                throw ProblemException.invalid("paidOn", "a paid result needs the value date");
            }
            if (request.paidOn().isAfter(Periods.today())) {
                throw ProblemException.invalid("paidOn", "the value date cannot be in the future");
            }
            if (released != null && request.paidOn().isBefore(released)) {
                throw ProblemException.invalid("paidOn", "the batch was released on " + released
                        + "; it cannot have been paid before");
            }
            if (request.reason() != null) {
                throw ProblemException.invalid("reason", "a paid result has no failure reason");
            }
        } else {
            if (request.reason() == null) {
                throw ProblemException.invalid("reason", "a failed result needs the reason");
            }
            if (request.bankReference() != null || request.paidOn() != null) {
                throw ProblemException.invalid("paidOn", "a failed result has no bank reference or value date");
            }
        }
    }

    private static ProblemException alreadySettled(UUID id) {
        return ProblemException.conflict("ALREADY_SETTLED", "该支付指令已有结果",
                "instruction " + id + " already has a result; a payment is never recorded twice");
    }

    private String hash(UUID instructionId, ResultRequest request) {
        return hash(instructionId.toString(), request);
    }

    /** A result hashes as "id|body", a reversal as "reversal|id|body": one key never serves both. */
    private String hash(String prefix, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (prefix + "|" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
