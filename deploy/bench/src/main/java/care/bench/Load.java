package care.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** The three ways the benchmark drives HTTP: callers as fast as answered, one caller at a time, a fixed rate. */
final class Load {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Load() {
    }

    /** What a run gave: answers per second, latencies in µs, and the answers that were not 2xx. */
    record Result(double perSecond, Histogram micros, long failed) {
        boolean empty() {
            return micros.getTotalCount() == 0;
        }

        double p50Ms() {
            return micros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Ms() {
            return micros.getValueAtPercentile(99) / 1000.0;
        }
    }

    static HttpRequest get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.GET().build();
    }

    /** {@code callers} threads each sending the next request as soon as the last is answered, for {@code seconds}. */
    static Result closedLoop(HttpRequest request, int callers, double seconds) throws InterruptedException {
        Histogram micros = new ConcurrentHistogram(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status / 100 == 2) {
                            ok.incrementAndGet();
                            micros.recordValue((System.nanoTime() - sent) / 1000);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination((long) seconds + 60, TimeUnit.SECONDS);
        return new Result(ok.get() / ((System.nanoTime() - start) / 1e9), micros, failed.get());
    }

    /**
     * Requests offered at {@code rate} per second for {@code seconds}, whatever the answers (open loop). Each is timed
     * from the moment it was due, so a stall in the service shows in the figures instead of delaying the next
     * requests (no coordinated omission).
     */
    static Result fixedRate(IntFunction<HttpRequest> requests, int rate, double seconds, Timing timing)
            throws InterruptedException {
        return fixedRate(rate, seconds, i -> HTTP.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode), timing);
    }

    /** An operation per due time; the operation's future completes with an HTTP-like status (2xx counts as done). */
    static Result fixedRate(int rate, double seconds,
                            IntFunction<java.util.concurrent.CompletionStage<Integer>> operation) throws InterruptedException {
        return fixedRate(rate, seconds, operation, Timing.NONE);
    }

    /** Where each done operation's latency goes besides the run's histogram (e.g. one per query shape). */
    interface Timing {
        Timing NONE = (index, micros) -> {
        };

        void record(int index, long micros);
    }

    /** Latencies of a fixed-rate run by the window of the run they were due in, e.g. each 10 s of a minute. */
    static final class Windows implements Timing {
        private final int perWindow;
        private final int windowSeconds;
        private final Histogram[] micros;

        Windows(int rate, double seconds, int windowSeconds) {
            this.perWindow = rate * windowSeconds;
            this.windowSeconds = windowSeconds;
            this.micros = new Histogram[(int) Math.ceil(seconds / windowSeconds)];
            for (int w = 0; w < micros.length; w++) {
                micros[w] = new ConcurrentHistogram(3);
            }
        }

        @Override
        public void record(int index, long took) {
            micros[Math.min(index / perWindow, micros.length - 1)].recordValue(took);
        }

        /** "0–10 s p50 25 ms p99 68 ms (500); 10–20 s …", the count being the operations done of that window. */
        String describe() {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < micros.length; w++) {
                Histogram h = micros[w];
                text.append(w == 0 ? "" : "; ").append("%d–%d s ".formatted(w * windowSeconds, (w + 1) * windowSeconds))
                        .append(h.getTotalCount() == 0 ? "none" : "p50 %.0f ms p99 %.0f ms (%d)".formatted(
                                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                                h.getTotalCount()));
            }
            return text.toString();
        }
    }

    static Result fixedRate(int rate, double seconds, IntFunction<java.util.concurrent.CompletionStage<Integer>> operation,
                            Timing timing) throws InterruptedException {
        int count = (int) Math.round(rate * seconds);
        Histogram micros = new ConcurrentHistogram(3);
        AtomicLong failed = new AtomicLong();
        CountDownLatch done = new CountDownLatch(count);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < count; i++) {
            int index = i;
            long due = start + period * i;
            clock.schedule(() -> operation.apply(index).whenComplete((status, error) -> {
                if (error == null && status / 100 == 2) {
                    long took = Math.max(0, System.nanoTime() - due) / 1000;
                    micros.recordValue(took);
                    timing.record(index, took);
                } else {
                    failed.incrementAndGet();
                }
                done.countDown();
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await((long) seconds + 120, TimeUnit.SECONDS);
        clock.shutdownNow();
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        return new Result(micros.getTotalCount() / elapsed, micros, failed.get() + done.getCount());
    }

    /** One request at a time, {@code count} of them: latency without a queue in front of it. */
    static Result sequential(HttpRequest request, int count) throws Exception {
        Histogram micros = new Histogram(3);
        long failed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                micros.recordValue((System.nanoTime() - sent) / 1000);
            } else {
                failed++;
            }
        }
        return new Result(count / ((System.nanoTime() - start) / 1e9), micros, failed);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
