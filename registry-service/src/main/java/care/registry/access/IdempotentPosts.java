package care.registry.access;

import care.contracts.idempotency.IdempotencyKeys;
import care.registry.pii.PiiProtector;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The registry's use of the shared Idempotency-Key component: POSTs that add records (staff, inspections), kept in
 * {@code idempotent_post} for {@code registry.idempotency-keys.kept-for} (a day: far longer than any client
 * retries). A body may hold a citizen ID, so a request is recognised by a keyed hash, never a plain one.
 */
@Dependent
public class IdempotentPosts {

    @Produces
    @Singleton
    IdempotencyKeys posts(EntityManager em, ObjectMapper json, PiiProtector pii,
                          @ConfigProperty(name = "registry.idempotency-keys.kept-for")
                          Duration keptFor) {
        return new IdempotencyKeys(em, json, "idempotent_post", keptFor,
                (target, body) -> pii.keyedHash(target + "\n" + body));
    }
}
