package care.subsidy.finance.service;

import care.contracts.event.PaymentFailedV1;
import care.contracts.event.PaymentReversedV1;
import care.contracts.event.PaymentSettledV1;
import care.contracts.idempotency.IdempotencyKeys;
import care.contracts.idempotency.IdempotencyKeys.Answer;
import care.contracts.outbox.Outbox;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.subsidy.access.Access;
import care.subsidy.batch.domain.InstructionRepository;
import care.subsidy.batch.domain.InstructionRepository.Released;
import care.subsidy.batch.domain.InstructionView;
import care.subsidy.finance.domain.FinanceRules;
import care.subsidy.finance.domain.PaymentResult;
import care.subsidy.finance.domain.PaymentReversal;
import care.subsidy.support.Periods;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies the finance bureau's results, each exactly once.
 * <ul>
 * <li>The Idempotency-Key is claimed first, in the same transaction as the result ({@link IdempotencyKeys}): a retry
 * with the same key and body gets the stored first answer; the same key with another body is refused (422); a
 * concurrent twin waits for the first transaction and then replays it. A refused request stores nothing, so it may
 * be retried.</li>
 * <li>Whether the result fits the instruction is decided by {@link FinanceRules}.</li>
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

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final InstructionRepository instructions;
    private final IdempotencyKeys keys;

    public FinanceService(EntityManager em, Outbox outbox, ObjectMapper json, InstructionRepository instructions,
                          IdempotencyKeys keys) {
        this.em = em;
        this.outbox = outbox;
        this.json = json;
        this.instructions = instructions;
        this.keys = keys;
    }

    /**
     * Claims the key, reads the instruction, writes the outbox event, then settles the instruction and appends the
     * ledger entry in one statement, and stores the answer.
     */
    public Answer result(UUID instructionId, String key, PaymentResult result, Access access) {
        String client = access.who();
        Optional<Answer> earlier = keys.claim(client, key, resultHash(instructionId, result));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Released found = instructions.findReleased(instructionId, access.scope())
                .orElseThrow(() -> ProblemException.notFound("payment instruction", instructionId));
        InstructionView instruction = found.instruction();
        FinanceRules.checkResult(instruction, found.releasedOn(), result, Periods.today());

        LocalDate paidOn = result.paid() ? result.paidOn() : null;
        // rolled back with the rest if the settlement below loses a race
        outbox.publishAll(List.of(event(instruction, result)));
        String body = write(FinanceInstruction.of(instruction).settled(result.outcome().name(),
                result.bankReference(), paidOn, result.reason()));
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
                            select ?2, id, batch_id, ?7, ?8, ?9, ?10, ?11, ?6 from settled)
                        select count(*) from settled""")
                .setParameter(1, instructionId).setParameter(2, result.outcome().name())
                .setParameter(3, result.paid() ? result.bankReference() : null).setParameter(4, paidOn)
                .setParameter(5, result.paid() ? null : result.reason()).setParameter(6, client)
                .setParameter(7, instruction.programmeCode()).setParameter(8, instruction.period())
                .setParameter(9, instruction.cityCode()).setParameter(10, instruction.amountFen())
                .setParameter(11, result.paid() ? result.bankReference() : result.reason())
                .getSingleResult();
        if (settled.intValue() == 0) {
            throw FinanceRules.alreadySettled(instructionId); // a concurrent result won the race
        }
        Answer answer = Answer.first(200, body);
        keys.store(client, key, answer);
        return answer;
    }

    /**
     * The bank returned a paid amount (退汇): PAID → REVERSED, a REVERSED ledger entry and PaymentReversedV1, in one
     * transaction and with the result's idempotency rules (the keys are shared: a key first used for a result is
     * refused for a reversal, 422). Of concurrent reversals of one instruction under different keys exactly one
     * wins (conditional update); the others get 409 ALREADY_REVERSED. REVERSED frees the entitlement: the
     * programme's next batch instructs it again, as after FAILED.
     */
    public Answer reversal(UUID instructionId, String key, PaymentReversal reversal, Access access) {
        String client = access.who();
        // "reversal|id": one key never serves both a result and a reversal
        Optional<Answer> earlier = keys.claim(client, key, keys.fingerprint("reversal|" + instructionId, reversal));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        InstructionView instruction = instructions.findReleased(instructionId, access.scope())
                .orElseThrow(() -> ProblemException.notFound("payment instruction", instructionId)).instruction();
        FinanceRules.checkReversal(instruction, reversal, Periods.today());

        outbox.publish(PaymentReversedV1.TYPE, PaymentReversedV1.VERSION, instructionId.toString(),
                instruction.cityCode(), instruction.divisionCode(),
                new PaymentReversedV1(instructionId, instruction.batchId(), instruction.programmeCode(),
                        instruction.period(), instruction.beneficiaryKey(), instruction.institutionId(),
                        instruction.amountFen(), instruction.paidOn(), reversal.returnedOn(), reversal.reason(),
                        reversal.bankReference()));
        String body = write(FinanceInstruction.of(instruction).reversed(reversal.returnedOn(), reversal.reason(),
                reversal.bankReference()));
        String reference = reversal.bankReference() == null ? reversal.reason()
                : reversal.bankReference() + " " + reversal.reason();
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
                            select 'REVERSED', id, batch_id, ?6, ?7, ?8, ?9, ?10, ?5 from reversed)
                        select count(*) from reversed""")
                .setParameter(1, instructionId).setParameter(2, reversal.returnedOn())
                .setParameter(3, reversal.reason()).setParameter(4, reversal.bankReference())
                .setParameter(5, client).setParameter(6, instruction.programmeCode())
                .setParameter(7, instruction.period()).setParameter(8, instruction.cityCode())
                .setParameter(9, instruction.amountFen()).setParameter(10, reference)
                .getSingleResult();
        if (reversed.intValue() == 0) {
            throw FinanceRules.alreadyReversed(instructionId); // a concurrent reversal won the race
        }
        Answer answer = Answer.first(200, body);
        keys.store(client, key, answer);
        return answer;
    }

    /** One item's answer in a bulk post: what the single-result endpoint would have answered. */
    public record Outcome(Answer answer, Problem problem) {
        static Outcome refused(ProblemException e) {
            return new Outcome(null, e.problem);
        }
    }

    /**
     * Many results in one transaction and a fixed number of statements (the events too: one outbox insert), with the
     * single-result rules per item: keys claimed first (a key used before is replayed, or 422 with another body), a
     * refused item's claim removed again so it stores nothing, the instructions locked in id order (two files never
     * deadlock; a file waiting for another's rows reads them as that one left them) and settled only if RELEASED
     * then (409 otherwise), the ledger entries, events and answers written with them. The caller guarantees
     * distinct keys and distinct instructions.
     */
    public List<Outcome> results(List<UUID> ids, List<String> itemKeys, List<PaymentResult> results, Access access) {
        String client = access.who();
        int n = ids.size();
        List<String> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hashes.add(resultHash(ids.get(i), results.get(i)));
        }
        IdempotencyKeys.Claims claims = keys.claimAll(client, itemKeys, hashes);
        List<UUID> claimedIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (claims.claimed(itemKeys.get(i))) {
                claimedIds.add(ids.get(i));
            }
        }
        Map<UUID, Released> found = instructions.lockReleased(claimedIds, access.scope());

        Outcome[] outcomes = new Outcome[n];
        List<Integer> accepted = new ArrayList<>();
        List<String> refusedKeys = new ArrayList<>();
        LocalDate today = Periods.today();
        for (int i = 0; i < n; i++) {
            String key = itemKeys.get(i);
            if (!claims.claimed(key)) {
                try {
                    outcomes[i] = new Outcome(claims.replay(key), null);
                } catch (ProblemException reused) {
                    outcomes[i] = Outcome.refused(reused);
                }
                continue;
            }
            try {
                Released released = found.get(ids.get(i));
                if (released == null) {
                    throw ProblemException.notFound("payment instruction", ids.get(i));
                }
                FinanceRules.checkResult(released.instruction(), released.releasedOn(), results.get(i), today);
                accepted.add(i);
            } catch (ProblemException refused) {
                outcomes[i] = Outcome.refused(refused);
                refusedKeys.add(key);
            }
        }

        // the rows are locked and were RELEASED when read: every accepted result settles its instruction
        List<InstructionView> views = accepted.stream().map(i -> found.get(ids.get(i)).instruction()).toList();
        List<PaymentResult> settling = accepted.stream().map(results::get).toList();
        settle(client, accepted.stream().map(ids::get).toList(), settling);
        appendLedger(client, views, settling);
        List<String> bodies = new ArrayList<>(accepted.size());
        List<Outbox.Draft> events = new ArrayList<>(accepted.size());
        for (int j = 0; j < accepted.size(); j++) {
            InstructionView view = views.get(j);
            PaymentResult result = settling.get(j);
            events.add(event(view, result));
            String body = write(FinanceInstruction.of(view).settled(result.outcome().name(),
                    result.bankReference(), result.paid() ? result.paidOn() : null, result.reason()));
            bodies.add(body);
            outcomes[accepted.get(j)] = new Outcome(Answer.first(200, body), null);
        }
        outbox.publishAll(events);
        keys.storeAll(client, accepted.stream().map(itemKeys::get).toList(), bodies);
        keys.releaseAll(client, refusedKeys); // a refused result stores nothing, so its key may be used again
        return List.of(outcomes);
    }

    /**
     * RELEASED → PAID/FAILED for all of them in one statement. The caller holds their row locks and has seen them
     * RELEASED, so the statement names no status: with one, the planner trusted its statistics of the status,
     * which after a release say almost nothing is RELEASED (autoanalyze waits until 10 % of the table has changed:
     * a month's batch is far less than a city's history), and read every RELEASED instruction of the table per
     * file through the partial index: 29-42 ms for 500 results, 4.7 s where it chose a nested loop over them.
     * {@code p.id = any(…)} (the ids bound twice) gives it the primary key whatever the statistics say: 9-10 ms.
     */
    private void settle(String client, List<UUID> ids, List<PaymentResult> results) {
        if (ids.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement settle = c.prepareStatement("""
                    update payment_instruction p set status = u.s, bank_reference = u.r, paid_on = u.d,
                        failure_reason = u.f, settled_by = ?, settled_at = now(), version = p.version + 1
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[]) as u(id, s, r, d, f)
                    where p.id = any(?::uuid[]) and p.id = u.id""")) {
                Array idArray = c.createArrayOf("uuid", ids.toArray());
                settle.setString(1, client);
                settle.setArray(2, idArray);
                settle.setArray(3, c.createArrayOf("text", results.stream().map(r -> r.outcome().name()).toArray()));
                settle.setArray(4, c.createArrayOf("text", results.stream()
                        .map(r -> r.paid() ? r.bankReference() : null).toArray()));
                settle.setArray(5, c.createArrayOf("date", results.stream()
                        .map(r -> r.paid() ? java.sql.Date.valueOf(r.paidOn()) : null).toArray()));
                settle.setArray(6, c.createArrayOf("text", results.stream()
                        .map(r -> r.paid() ? null : r.reason()).toArray()));
                settle.setArray(7, idArray);
                int updated = settle.executeUpdate();
                if (updated != ids.size()) { // only if a caller settled rows it had not locked
                    throw new IllegalStateException("settled " + updated + " of " + ids.size() + " instructions");
                }
            }
        });
    }

    /** The PAID/FAILED ledger entries of settled instructions, in one statement. */
    private void appendLedger(String client, List<InstructionView> views, List<PaymentResult> results) {
        if (views.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ledger = c.prepareStatement("""
                    insert into ledger_entry (entry_type, instruction_id, batch_id, programme_code, period,
                                              city_code, amount_fen, reference, recorded_by)
                    select t, id, b, pc, pe, ci, a, r, ? from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[],
                        ?::text[], ?::text[], ?::int8[], ?::text[]) as u(t, id, b, pc, pe, ci, a, r)""")) {
                ledger.setString(1, client);
                ledger.setArray(2, c.createArrayOf("text", results.stream().map(r -> r.outcome().name()).toArray()));
                ledger.setArray(3, c.createArrayOf("uuid", views.stream().map(InstructionView::instructionId).toArray()));
                ledger.setArray(4, c.createArrayOf("uuid", views.stream().map(InstructionView::batchId).toArray()));
                ledger.setArray(5, c.createArrayOf("text", views.stream().map(InstructionView::programmeCode).toArray()));
                ledger.setArray(6, c.createArrayOf("text", views.stream().map(InstructionView::period).toArray()));
                ledger.setArray(7, c.createArrayOf("text", views.stream().map(InstructionView::cityCode).toArray()));
                ledger.setArray(8, c.createArrayOf("int8", views.stream().map(InstructionView::amountFen).toArray()));
                ledger.setArray(9, c.createArrayOf("text", results.stream()
                        .map(r -> r.paid() ? r.bankReference() : r.reason()).toArray()));
                ledger.executeUpdate();
            }
        });
    }

    /** A result is recognised by "id|body" (a reversal by "reversal|id|body"): the same in both endpoints. */
    private String resultHash(UUID instructionId, PaymentResult result) {
        return keys.fingerprint(instructionId.toString(), result);
    }

    /** PaymentSettled for a paid result, PaymentFailed for a failed one. */
    private static Outbox.Draft event(InstructionView instruction, PaymentResult result) {
        UUID id = instruction.instructionId();
        return result.paid()
                ? new Outbox.Draft(PaymentSettledV1.TYPE, PaymentSettledV1.VERSION, id.toString(),
                        instruction.cityCode(), instruction.divisionCode(),
                        new PaymentSettledV1(id, instruction.batchId(), instruction.programmeCode(),
                                instruction.period(), instruction.beneficiaryKey(), instruction.institutionId(),
                                instruction.amountFen(), result.bankReference(), result.paidOn()))
                : new Outbox.Draft(PaymentFailedV1.TYPE, PaymentFailedV1.VERSION, id.toString(),
                        instruction.cityCode(), instruction.divisionCode(),
                        new PaymentFailedV1(id, instruction.batchId(), instruction.programmeCode(),
                                instruction.period(), instruction.beneficiaryKey(), instruction.institutionId(),
                                instruction.amountFen(), result.reason()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
