package care.subsidy.finance.service;

import care.contracts.event.PaymentFailedV1;
import care.contracts.event.PaymentSettledV1;
import care.contracts.outbox.Outbox;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.subsidy.Access;
import care.subsidy.Periods;
import care.subsidy.batch.domain.InstructionRepository;
import care.subsidy.batch.domain.InstructionView;
import care.subsidy.finance.rest.ResultRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
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
 * </ul>
 */
@ApplicationScoped
@Transactional
public class FinanceService {

    /** A replayed or fresh answer to a result post. */
    public record Answer(int status, String body, boolean replayed) {
    }

    private final EntityManager em;
    private final InstructionRepository instructions;
    private final Outbox outbox;
    private final ObjectMapper json;

    public FinanceService(EntityManager em, InstructionRepository instructions, Outbox outbox, ObjectMapper json) {
        this.em = em;
        this.instructions = instructions;
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
        // zero rows: the key was claimed before (a concurrent twin's insert waits here for that one to end)
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
        if (claimed.isEmpty()) {
            return replay(client, key, hash);
        }
        Object[] row = claimed.get(0);
        if (row[0] == null || !access.city().equals(row[21])) {
            throw ProblemException.notFound("payment instruction", instructionId);
        }
        InstructionView instruction = InstructionRepository.map(row);
        check(instruction, row[22] == null ? null : Periods.day(care.subsidy.Sql.instant(row[22])), request);

        boolean paid = request.outcome() == ResultRequest.Outcome.PAID;
        LocalDate paidOn = paid ? request.paidOn() : null;
        // rolled back with the rest if the settlement below loses a race
        if (paid) {
            outbox.publish(PaymentSettledV1.TYPE, PaymentSettledV1.VERSION, instructionId.toString(),
                    instruction.cityCode(), instruction.divisionCode(),
                    new PaymentSettledV1(instructionId, instruction.batchId(), instruction.programmeCode(),
                            instruction.period(), instruction.beneficiaryKey(), instruction.institutionId(),
                            instruction.amountFen(), request.bankReference(), paidOn));
        } else {
            outbox.publish(PaymentFailedV1.TYPE, PaymentFailedV1.VERSION, instructionId.toString(),
                    instruction.cityCode(), instruction.divisionCode(),
                    new PaymentFailedV1(instructionId, instruction.batchId(), instruction.programmeCode(),
                            instruction.period(), instruction.beneficiaryKey(), instruction.institutionId(),
                            instruction.amountFen(), request.reason()));
        }
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

    private Answer replay(String client, String key, String hash) {
        Object[] first = (Object[]) em.createNativeQuery("""
                        select request_hash, response_status, response_body from finance_idempotency
                        where client_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, client).setParameter(2, key).getSingleResult();
        if (!hash.equals(first[0])) {
            throw new ProblemException(Problem.of(422, "IDEMPOTENCY_KEY_REUSED", "幂等键已用于另一请求",
                    "Idempotency-Key " + key + " was first used with a different instruction or body"));
        }
        return new Answer(((Number) first[1]).intValue(), (String) first[2], true);
    }

    private void check(InstructionView instruction, LocalDate released, ResultRequest request) {
        switch (instruction.status()) {
            case "RELEASED" -> { }
            case "PAID", "FAILED" -> throw alreadySettled(instruction.instructionId());
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (instructionId + "|" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
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
