package care.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gateway replicas that each hold one client's bucket in memory allow, together, the configured rate: the buckets of
 * two (and three) replicas, fed a flood that the ingress spreads over them in turn, on one clock that the test moves.
 */
class RateLimitSharesTest {

    /** A clock the test moves by hand, shared by the replicas as wall time is. */
    static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @Test
    void twoReplicasTogetherAllowTheConfiguredRateNotTwiceIt() {
        assertFloodAllows(2, 50);
    }

    @Test
    void threeReplicasTogetherAllowTheConfiguredRate() {
        assertFloodAllows(3, 50);
    }

    @Test
    void oneReplicaAllowsTheRateAndItsBurstAsBefore() {
        assertFloodAllows(1, 50);
    }

    /**
     * A client sends 10 requests every millisecond for 10 s, spread round-robin over the replicas: far over any limit.
     * With a rate of 50/s and a burst of one second's worth, exactly the burst (100) plus 10 s of the rate (500) may
     * pass, whatever the number of replicas.
     */
    private static void assertFloodAllows(int replicas, int perSecond) {
        Clock clock = new Clock();
        List<Bucket> gateways = IntStream.range(0, replicas)
                .mapToObj(i -> RateLimits.share(perSecond, Duration.ofSeconds(1), 2, replicas, clock)).toList();
        int allowed = 0;
        int sent = 0;
        for (int millisecond = 0; millisecond < 10_000; millisecond++) {
            clock.nanos = millisecond * 1_000_000L;
            for (int request = 0; request < 10; request++) {
                if (gateways.get(sent++ % replicas).tryConsume(1)) {
                    allowed++;
                }
            }
        }
        int configured = 2 * perSecond + 10 * perSecond;
        assertTrue(allowed <= configured, replicas + " replicas allowed " + allowed + ", over the configured " + configured);
        // the burst divides with a remainder (100 / 3 = 33 each) and the last token of a refill may fall after the end
        assertTrue(allowed >= configured - replicas - 1,
                replicas + " replicas allowed " + allowed + ", well under the configured " + configured);
    }
}
