package care.contracts.idempotency;

import care.contracts.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parts of the component that need no database; claiming and replaying are tested in each service that uses it. */
class IdempotencyKeysTest {

    record Result(String outcome, long amountFen) {
    }

    final IdempotencyKeys keys = new IdempotencyKeys(null, new ObjectMapper(), "finance_idempotency", Duration.ofDays(30),
            IdempotencyKeys.sha256("|"));

    @Test
    void aMissingBlankOrOverlongKeyIsRefusedOnTheHeader() {
        for (String key : new String[]{null, "", "  ", "k".repeat(201)}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> IdempotencyKeys.required(key));
            assertEquals(400, refused.problem.status());
            assertEquals("Idempotency-Key", refused.problem.violations().get(0).field());
        }
        assertEquals("k".repeat(200), IdempotencyKeys.required("k".repeat(200)));
    }

    @Test
    void aRequestHashesAsItAlwaysHasSoKeysStoredBeforeStillReplay() {
        // SHA-256 of "target|body": the finance keys written before the component was shared use this very form
        assertEquals("574739d693a13acb3f300f57e014f3583c61c0e7e897fe3c7cf12ab8723d859c",
                keys.fingerprint("5d0b6c1e-0000-4000-8000-000000000001", new Result("PAID", 10_000)));
    }

    @Test
    void anotherTargetOrBodyIsAnotherRequest() {
        String first = keys.fingerprint("a", new Result("PAID", 10_000));
        assertEquals(first, keys.fingerprint("a", new Result("PAID", 10_000)));
        assertNotEquals(first, keys.fingerprint("b", new Result("PAID", 10_000)));
        assertNotEquals(first, keys.fingerprint("a", new Result("PAID", 10_001)));
    }

    @Test
    void theTableIsANameNeverAnExpression() {
        assertThrows(IllegalArgumentException.class, () -> new IdempotencyKeys(null, new ObjectMapper(),
                "idempotent_post; drop table staff", Duration.ofDays(1), IdempotencyKeys.sha256("|")));
    }
}
