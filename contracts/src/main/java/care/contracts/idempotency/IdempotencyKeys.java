package care.contracts.idempotency;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.Session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Idempotency-Key for writes a client may retry: a retry after a lost answer gets the first answer instead of a
 * second effect.
 * <ul>
 * <li>The key is claimed per caller in the request's own transaction (an insert that does nothing on conflict), so
 * a request that fails stores nothing and may be retried, and a concurrent twin waits on the claim until the first
 * transaction ends, then replays its answer.</li>
 * <li>The same key with another request (target or body) is 422 IDEMPOTENCY_KEY_REUSED.</li>
 * <li>The answer kept is the status, the body, Location and ETag; a replay carries {@code Idempotency-Replayed:
 * true}, a first answer {@code false}.</li>
 * <li>A key is kept for the use's retention ({@code keptFor}), then forgotten: an hourly cleanup
 * ({@link IdempotencyCleanup}) deletes older keys, after which the key is a new request again.</li>
 * </ul>
 * Not a bean by itself: a service produces one per use ({@code @Produces @Singleton}) with its own table, retention
 * and way of recognising a request. Every table has this shape (created by the service's own migration):
 * <pre>
 * caller varchar(100), idempotency_key varchar(200), request_hash char(64), response_status int (0 only inside the
 * first request's transaction), location varchar(500), etag varchar(40), response_body text, created_at timestamptz
 * default now(), primary key (caller, idempotency_key)
 * </pre>
 * Every method but {@link #forgetOldKeys} runs in the caller's transaction.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    public static final int MAX_KEY = 200;

    /** How a request is recognised: what it is posted to and its body, re-serialised, to 64 hex characters. */
    @FunctionalInterface
    public interface Fingerprint {
        String of(String target, String body);
    }

    /** SHA-256 of target, separator and body: for bodies that hold no personal data (a keyed hash otherwise). */
    public static Fingerprint sha256(String separator) {
        return (target, body) -> {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest((target + separator + body).getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** An answer as kept under a key; {@code replayed} says whether it is given again. */
    public record Answer(int status, String body, String location, String etag, boolean replayed) {

        public static Answer first(int status, String body) {
            return new Answer(status, body, null, null, false);
        }

        public Response toResponse() {
            Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body)
                    .header(REPLAYED, String.valueOf(replayed));
            if (location != null) {
                response.location(URI.create(location));
            }
            if (etag != null) {
                response.header("ETag", etag);
            }
            return response.build();
        }
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final String table;
    private final Duration keptFor;
    private final Fingerprint fingerprint;

    /**
     * @param table   this use's table (the shape above); a constant of the service, never user input
     * @param keptFor how long a key is remembered: longer than any client retries
     */
    public IdempotencyKeys(EntityManager em, ObjectMapper json, String table, Duration keptFor, Fingerprint fingerprint) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.em = em;
        this.json = json;
        this.table = table;
        this.keptFor = keptFor;
        this.fingerprint = fingerprint;
    }

    public Duration keptFor() {
        return keptFor;
    }

    /** A required key: missing, blank or longer than 200 characters is 400. */
    public static String required(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw ProblemException.invalid(HEADER, "an Idempotency-Key header (1–200 characters) is required");
        }
        return key;
    }

    /** The request's hash: {@code target} says what it is posted to, {@code request} is the parsed body. */
    public String fingerprint(String target, Object request) {
        return fingerprint.of(target, write(request));
    }

    /**
     * Runs {@code post} once per caller and key and answers with what it answered, Location and ETag included;
     * without a key, simply runs it.
     *
     * @param target  what is posted to (method and path), part of "the same request"
     * @param request the parsed body; re-serialised, so that formatting does not make two requests differ
     */
    public Response once(String caller, String key, String target, Object request, Supplier<Response> post) {
        if (key == null) {
            return post.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw ProblemException.invalid(HEADER, "an Idempotency-Key has 1–200 characters");
        }
        Optional<Answer> earlier = claim(caller, key, fingerprint(target, request));
        if (earlier.isPresent()) {
            return earlier.get().toResponse();
        }
        Response answer = post.get();
        Object etag = answer.getHeaders().getFirst("ETag");
        store(caller, key, new Answer(answer.getStatus(), write(answer.getEntity()),
                Optional.ofNullable(answer.getLocation()).map(URI::toString).orElse(null),
                etag == null ? null : etag.toString(), false));
        return Response.fromResponse(answer).header(REPLAYED, "false").build();
    }

    /**
     * Claims the key. Empty: it is this request's now, go ahead and {@link #store} the answer. Otherwise the first
     * answer, to replay (a concurrent first request is waited for); another request under the key is 422.
     */
    public Optional<Answer> claim(String caller, String key, String hash) {
        int claimed = em.createNativeQuery("insert into " + table + """
                         (caller, idempotency_key, request_hash, response_status, response_body)
                        values (?1, ?2, ?3, 0, '') on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] first = (Object[]) em.createNativeQuery("select request_hash, response_status, location, etag, "
                        + "response_body from " + table + " where caller = ?1 and idempotency_key = ?2")
                .setParameter(1, caller).setParameter(2, key).getSingleResult();
        if (!hash.equals(first[0])) {
            throw keyReused(key);
        }
        return Optional.of(new Answer(((Number) first[1]).intValue(), (String) first[4], (String) first[2],
                (String) first[3], true));
    }

    /** Keeps the answer of a request whose key this transaction claimed. */
    public void store(String caller, String key, Answer answer) {
        em.createNativeQuery("update " + table + """
                         set response_status = ?3, location = ?4, etag = ?5, response_body = ?6
                        where caller = ?1 and idempotency_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, answer.status())
                .setParameter(4, answer.location()).setParameter(5, answer.etag()).setParameter(6, answer.body())
                .executeUpdate();
    }

    /** What {@link #claimAll} found: each key claimed now, or answered before. */
    public static final class Claims {

        private final Set<String> claimed;
        private final Map<String, Answer> replays;
        private final Set<String> reused;

        Claims(Set<String> claimed, Map<String, Answer> replays, Set<String> reused) {
            this.claimed = claimed;
            this.replays = replays;
            this.reused = reused;
        }

        public boolean claimed(String key) {
            return claimed.contains(key);
        }

        /** For a key claimed before: its first answer, replayed; 422 if it was first used with another request. */
        public Answer replay(String key) {
            if (reused.contains(key)) {
                throw keyReused(key);
            }
            Answer answer = replays.get(key);
            if (answer == null) { // neither claimed nor stored: forgotten between the two statements
                throw new IllegalStateException("no answer for Idempotency-Key " + key);
            }
            return answer;
        }
    }

    /**
     * Claims many keys of one caller at once, set-based: one insert (keys in order, so two concurrent calls never
     * deadlock on each other's claims) and, if some were claimed before, one read of their first answers. The keys
     * are distinct; {@code hashes} go with them by position.
     */
    public Claims claimAll(String caller, List<String> keys, List<String> hashes) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<String> claimed = new HashSet<>();
            try (PreparedStatement claim = c.prepareStatement("insert into " + table + """
                     (caller, idempotency_key, request_hash, response_status, response_body)
                    select ?, k, h, 0, '' from unnest(?::text[], ?::text[]) as u(k, h) order by k
                    on conflict do nothing returning idempotency_key""")) {
                claim.setString(1, caller);
                claim.setArray(2, c.createArrayOf("text", keys.toArray()));
                claim.setArray(3, c.createArrayOf("text", hashes.toArray()));
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(rs.getString(1));
                    }
                }
            }
            Map<String, String> hashOf = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (!claimed.contains(keys.get(i))) {
                    hashOf.put(keys.get(i), hashes.get(i));
                }
            }
            Map<String, Answer> replays = new HashMap<>();
            Set<String> reused = new HashSet<>();
            if (!hashOf.isEmpty()) {
                try (PreparedStatement earlier = c.prepareStatement("""
                        select idempotency_key, request_hash, response_status, location, etag, response_body from\s"""
                        + table + " where caller = ? and idempotency_key = any(?::text[])")) {
                    earlier.setString(1, caller);
                    earlier.setArray(2, c.createArrayOf("text", hashOf.keySet().toArray()));
                    try (ResultSet rs = earlier.executeQuery()) {
                        while (rs.next()) {
                            String key = rs.getString("idempotency_key");
                            if (hashOf.get(key).equals(rs.getString("request_hash"))) {
                                replays.put(key, new Answer(rs.getInt("response_status"), rs.getString("response_body"),
                                        rs.getString("location"), rs.getString("etag"), true));
                            } else {
                                reused.add(key);
                            }
                        }
                    }
                }
            }
            return new Claims(claimed, replays, reused);
        });
    }

    /** Keeps the answers (status 200, no Location or ETag) of keys this transaction claimed, in one statement. */
    public void storeAll(String caller, List<String> keys, List<String> bodies) {
        if (keys.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement answer = c.prepareStatement("update " + table + """
                     f set response_status = 200, response_body = u.body
                    from unnest(?::text[], ?::text[]) as u(k, body)
                    where f.caller = ? and f.idempotency_key = u.k""")) {
                answer.setArray(1, c.createArrayOf("text", keys.toArray()));
                answer.setArray(2, c.createArrayOf("text", bodies.toArray()));
                answer.setString(3, caller);
                answer.executeUpdate();
            }
        });
    }

    /**
     * Gives up keys this transaction claimed but whose requests were refused while the transaction goes on (one
     * item of many): a refused request stores nothing, so its key may be used again.
     */
    public void releaseAll(String caller, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement forget = c.prepareStatement(
                    "delete from " + table + " where caller = ? and idempotency_key = any(?::text[])")) {
                forget.setString(1, caller);
                forget.setArray(2, c.createArrayOf("text", keys.toArray()));
                forget.executeUpdate();
            }
        });
    }

    /** Forgets the keys older than the retention, in a transaction of its own; returns how many. */
    public int forgetOldKeys() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from " + table + " where created_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) keptFor.toSeconds()).executeUpdate());
    }

    static ProblemException keyReused(String key) {
        return new ProblemException(Problem.of(422, "IDEMPOTENCY_KEY_REUSED", "幂等键已用于另一请求",
                "Idempotency-Key " + key + " was first used with another request"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
