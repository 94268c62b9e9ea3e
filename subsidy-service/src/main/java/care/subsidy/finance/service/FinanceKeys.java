package care.subsidy.finance.service;

import care.contracts.idempotency.IdempotencyKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The finance API's use of the shared Idempotency-Key component: results and reversals, kept in
 * {@code finance_idempotency} for {@code subsidy.finance.idempotency-keys.kept-for}.
 * <p>
 * Thirty days by default, not the registry's one: a finance system resends a bank's day file after its own
 * outages, weekends and the week-long Spring Festival closure, and reconciles monthly; within that time a resent
 * result must get its first answer back, not a 409 for the result it itself recorded. (A key forgotten earlier never
 * pays twice: the instruction is settled, so the resend is refused.) A request is recognised by a plain SHA-256 of
 * the instruction and body, as since the first release: results hold no personal data.
 */
@Dependent
class FinanceKeys {

    @Produces
    @Singleton
    IdempotencyKeys financeResults(EntityManager em, ObjectMapper json,
                                   @ConfigProperty(name = "subsidy.finance.idempotency-keys.kept-for")
                                   Duration keptFor) {
        return new IdempotencyKeys(em, json, "finance_idempotency", keptFor, IdempotencyKeys.sha256("|"));
    }
}
