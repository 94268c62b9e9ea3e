package care.registry.access;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.registry.pii.PiiProtector;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency-Key for POSTs that add records (staff, inspections): a client that retries after a lost answer gets
 * the first answer instead of a second record. The key is claimed in the request's own transaction, so a request
 * that fails stores nothing and may be retried; a concurrent twin waits on the claim, then replays the answer.
 * Keys are per caller; the same key with another target or body is 422 IDEMPOTENCY_KEY_REUSED. A key is kept for
 * {@code registry.idempotency-keys.kept-for} (a day: far longer than any client retries), then forgotten.
 */
@ApplicationScoped
public class IdempotentPosts {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    private final EntityManager em;
    private final ObjectMapper json;
    private final PiiProtector pii;

    private final Duration keptFor;

    public IdempotentPosts(EntityManager em, ObjectMapper json, PiiProtector pii,
                           @ConfigProperty(name = "registry.idempotency-keys.kept-for", defaultValue = "24h")
                           Duration keptFor) {
        this.em = em;
        this.json = json;
        this.pii = pii;
        this.keptFor = keptFor;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldKeysHourly() {
        forgetOldKeys();
    }

    /** Forgets the keys older than the retention; returns how many. */
    @Transactional
    public int forgetOldKeys() {
        return em.createNativeQuery("delete from idempotent_post where created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) keptFor.toSeconds()).executeUpdate();
    }

    /**
     * Runs {@code post} once per caller and key; without a key, simply runs it.
     *
     * @param target  what is posted to (method and path), part of "the same request"
     * @param request the parsed body; re-serialised, so that formatting does not make two requests differ
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response once(String caller, String key, String target, Object request, Supplier<Response> post) {
        if (key == null) {
            return post.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(HEADER, "an Idempotency-Key has 1–200 characters");
        }
        String hash = pii.keyedHash(target + "\n" + write(request));
        int claimed = em.createNativeQuery("""
                        insert into idempotent_post (caller, idempotency_key, request_hash, response_status, response_body)
                        values (?1, ?2, ?3, 0, '') on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (claimed == 0) {
            return replay(caller, key, hash);
        }
        Response answer = post.get();
        String body = write(answer.getEntity());
        String location = Optional.ofNullable(answer.getLocation()).map(URI::toString).orElse(null);
        Object etag = answer.getHeaders().getFirst("ETag");
        em.createNativeQuery("""
                        update idempotent_post set response_status = ?3, location = ?4, etag = ?5, response_body = ?6
                        where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, answer.getStatus())
                .setParameter(4, location).setParameter(5, etag == null ? null : etag.toString())
                .setParameter(6, body).executeUpdate();
        return Response.fromResponse(answer).header(REPLAYED, "false").build();
    }

    private Response replay(String caller, String key, String hash) {
        Object[] first = (Object[]) em.createNativeQuery("""
                        select request_hash, response_status, location, etag, response_body from idempotent_post
                        where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).getSingleResult();
        if (!hash.equals(first[0])) {
            throw new ProblemException(Problem.of(422, "IDEMPOTENCY_KEY_REUSED", "幂等键已用于另一请求",
                    "Idempotency-Key " + key + " was first used with another request"));
        }
        Response.ResponseBuilder replay = Response.status(((Number) first[1]).intValue())
                .type(MediaType.APPLICATION_JSON).entity(first[4]).header(REPLAYED, "true");
        if (first[2] != null) {
            replay.location(URI.create((String) first[2]));
        }
        if (first[3] != null) {
            replay.header("ETag", first[3]);
        }
        return replay.build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
