package care.bench;

import care.deploy.Stack;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The public directory over the seeded register: DirectoryBenchmarkTest's ten query shapes in turn at a fixed rate,
 * straight to registry-service (through the gateway an anonymous caller is held to 20/s), and the very statements
 * they run, taken from PostgreSQL's statement log, replayed on a plain JDBC connection at the same rate.
 */
final class Directory {

    /** DirectoryBenchmarkTest's shapes; the last pages through Kunming, where the seed puts every institution. */
    static final List<String> SHAPES = List.of("", "city=530100&sector=ELDERLY", "county=530102&kind=PRIVATE_CARE_HOME",
            "q=" + url("康乐"), "q=" + url("童"), "q=" + url("盘龙夕阳红") + "&city=530100",
            "q=" + url("养老院") + "&sort=-capacity", "inclusive=true&sort=-capacity",
            "demonstration=true&sector=CHILDCARE&sort=-filedOn", "city=530100&page=200");

    /** The log line of a statement as the server ran it: {@code … db=registry LOG:  duration: … execute …: SQL}. */
    private static final Pattern EXECUTE = Pattern.compile(
            "\\[(\\d+)] db=registry LOG:  duration: [\\d.]+ ms  execute [^:]*: (.*)");
    private static final Pattern MARKER = Pattern.compile("select 'bench-shape-(\\d+)-(begin|end)'");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");

    /** Per shape, the statements of one request, parameters written in. */
    record Statements(List<List<String>> perShape) {
    }

    private final Stack stack;
    private final String base;

    Directory(Stack stack) {
        this.stack = stack;
        this.base = stack.serviceUrl("registry-service") + "/api/directory/institutions?";
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest request(int shape) {
        return Load.get(base + SHAPES.get(shape), null);
    }

    void warm(int rounds) throws Exception {
        for (int i = 0; i < rounds; i++) {
            for (int s = 0; s < SHAPES.size(); s++) {
                HttpResponse<String> answer = Load.HTTP.send(request(s), HttpResponse.BodyHandlers.ofString());
                // every shape finds something: a benchmark of empty pages would measure nothing
                if (answer.statusCode() != 200 || answer.body().contains("\"items\":[]")) {
                    throw new IllegalStateException("shape " + SHAPES.get(s) + ": " + answer.statusCode() + " "
                            + answer.body());
                }
            }
        }
    }

    Load.Result platform(int rate, double seconds) throws InterruptedException {
        return Load.fixedRate(i -> request(i % SHAPES.size()), rate, seconds, Load.Timing.NONE);
    }

    Load.Result platform(int rate, double seconds, PerShape perShape) throws InterruptedException {
        return Load.fixedRate(i -> request(i % SHAPES.size()), rate, seconds, perShape.timing());
    }

    /** Each query shape's latencies over a row's repetitions: which shapes make the row's tail. */
    static final class PerShape {
        private final List<Histogram> micros = SHAPES.stream().map(s -> (Histogram) new ConcurrentHistogram(3)).toList();

        Load.Timing timing() {
            return (index, took) -> micros.get(index % SHAPES.size()).recordValue(took);
        }

        /** {@code shape p99 ms, …}, the slowest first. */
        String p99s() {
            return IntStream.range(0, SHAPES.size()).boxed()
                    .sorted(Comparator.comparingLong(this::p99).reversed())
                    .map(i -> "%s %.1f ms".formatted(SHAPES.get(i).isEmpty() ? "(no filter)"
                            : URLDecoder.decode(SHAPES.get(i), StandardCharsets.UTF_8), p99(i) / 1000.0))
                    .collect(Collectors.joining(", "));
        }

        private long p99(int shape) {
            return micros.get(shape).getValueAtPercentile(99);
        }
    }

    /**
     * Turns on PostgreSQL's statement log for a moment (ALTER SYSTEM, reloaded: every session follows), asks each
     * shape once between two marker statements, and reads back what the registry's connections executed from the
     * server's log (the run restarts PostgreSQL once so that its output goes there).
     */
    Statements capture() throws Exception {
        Path log = stack.layout.workDir().resolve("logs/postgres.log");
        if (!Files.exists(log)) {
            throw new IllegalStateException("no server log at " + log);
        }
        long from = Files.size(log); // the log outlives a run: only what this capture adds
        try (Connection c = Raw.connect(stack, "registry"); Statement s = c.createStatement()) {
            s.execute("alter system set log_min_duration_statement = 0");
            s.execute("alter system set log_line_prefix = '%m [%p] db=%d '");
            s.execute("select pg_reload_conf()");
            Thread.sleep(1000);
            try {
                for (int shape = 0; shape < SHAPES.size(); shape++) {
                    s.execute("select 'bench-shape-" + shape + "-begin'");
                    Load.HTTP.send(request(shape), HttpResponse.BodyHandlers.discarding());
                    s.execute("select 'bench-shape-" + shape + "-end'");
                }
            } finally {
                s.execute("alter system reset log_min_duration_statement");
                s.execute("alter system reset log_line_prefix");
                s.execute("select pg_reload_conf()");
            }
        }
        Thread.sleep(1000); // the logger thread writes what the server printed
        List<List<String>> perShape = new ArrayList<>();
        SHAPES.forEach(shape -> perShape.add(new ArrayList<>()));
        int current = -1;
        String statement = null;
        List<String> lines;
        try (InputStream in = Files.newInputStream(log)) { // only what this capture added: the log may be large
            in.skipNBytes(from);
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line);
            if (marker.find()) {
                current = marker.group(2).equals("begin") ? Integer.parseInt(marker.group(1)) : -1;
                continue;
            }
            Matcher execute = EXECUTE.matcher(line);
            if (current < 0 || !execute.find()) {
                continue;
            }
            StringBuilder sql = new StringBuilder(execute.group(2));
            // a statement spans lines until the next log entry (which starts with a timestamp)
            int j = i + 1;
            String parameters = null;
            for (; j < lines.size(); j++) {
                String next = lines.get(j);
                if (next.matches("^\\d{4}-\\d\\d-\\d\\d .*")) {
                    if (next.contains("DETAIL:  Parameters: ")) {
                        parameters = next.substring(next.indexOf("DETAIL:  Parameters: ") + 21);
                        j++;
                    }
                    break;
                }
                sql.append('\n').append(next);
            }
            i = j - 1;
            statement = withParameters(sql.toString(), parameters);
            // the registry's own background work (outbox sweeps, consumers) runs in the same database
            String lower = statement.toLowerCase();
            if (lower.contains("institution") || lower.contains("plan_cache_mode") || lower.equals("begin")
                    || lower.equals("commit")) {
                perShape.get(current).add(statement);
            }
        }
        for (int shape = 0; shape < SHAPES.size(); shape++) {
            if (perShape.get(shape).stream().noneMatch(q -> q.toLowerCase().contains("from institution"))) {
                throw new IllegalStateException("no statement of shape " + SHAPES.get(shape) + " in " + log);
            }
        }
        return new Statements(perShape);
    }

    private static String withParameters(String sql, String parameters) {
        if (parameters == null) {
            return sql.strip();
        }
        List<String[]> values = new ArrayList<>();
        Matcher m = PARAMETER.matcher(parameters);
        while (m.find()) {
            values.add(new String[]{m.group(1), m.group(2)});
        }
        values.sort((a, b) -> Integer.parseInt(b[0]) - Integer.parseInt(a[0])); // $10 before $1
        for (String[] v : values) {
            sql = sql.replace("$" + v[0], v[1]);
        }
        return sql.strip();
    }

    /** The captured statements of each shape in turn, one request's statements in one transaction, at the rate. */
    Load.Result raw(Statements sql, int rate, double seconds, PerShape perShape) throws Exception {
        int connections = 8;
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            pool.add(Raw.connect(stack, "registry"));
        }
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        try {
            return Load.fixedRate(rate, seconds, i -> CompletableFuture.supplyAsync(() -> {
                Connection c = null;
                try {
                    c = pool.take();
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        for (String q : sql.perShape().get(i % SHAPES.size())) {
                            if (!q.equalsIgnoreCase("begin") && !q.equalsIgnoreCase("commit")) {
                                s.execute(q);
                            }
                        }
                    }
                    c.commit();
                    return 200;
                } catch (Exception e) {
                    return 500;
                } finally {
                    if (c != null) {
                        pool.add(c);
                    }
                }
            }, workers), perShape.timing());
        } finally {
            workers.shutdownNow();
            for (Connection c : pool) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing at the end of the measurement
                }
            }
        }
    }
}
