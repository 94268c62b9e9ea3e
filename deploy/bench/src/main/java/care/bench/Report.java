package care.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table: one row per figure, printed, and written as JSON and Markdown. */
final class Report {

    /**
     * One row. {@code ratio} is the platform figure over the limit (or over the goal where no limit applies);
     * {@code noise} the spread over the row's repetitions; {@code load} the 1-minute load average while it ran.
     */
    record Row(String name, String figure, String limit, String ratio, String goal, String verdict, String noise,
               String load) {

        static Row notMeasured(String name, String goal, String reason) {
            return new Row(name, "not measured", "—", "—", goal, "not measured: " + reason, "—", "—");
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> run = new LinkedHashMap<>();

    /** A fact of the run (its start, commit, a phase's duration), as text in the JSON and under the table. */
    void info(String key, Object value) {
        run.put(key, String.valueOf(value));
        System.out.printf("-- %s: %s%n", key, value); // run.log shows where a run is and where its time went
    }

    synchronized void add(Row row) {
        rows.add(row);
        System.out.printf("%n>> %s: %s | limit %s | ratio %s | goal %s: %s | noise %s | load %s%n%n", row.name(),
                row.figure(), row.limit(), row.ratio(), row.goal(), row.verdict(), row.noise(), row.load());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        run.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append("\n| row | platform figure | raw limit, same run | ratio | goal | met | noise | load |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(String.join(" | ", r.name(), r.figure(), r.limit(), r.ratio(), r.goal(),
                    r.verdict(), r.noise(), r.load()).replace("\n", " ")).append(" |\n");
        }
        return md.toString();
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>(run);
        json.put("written", Instant.now().toString());
        json.put("rows", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("bench.json").toFile(),
                json);
        Files.writeString(dir.resolve("bench.md"), markdown());
    }

    /** The table for a terminal: fixed-width columns, the rows as added. */
    String text() {
        String[] head = {"row", "platform figure", "raw limit", "ratio", "goal", "met", "noise", "load"};
        List<String[]> lines = new ArrayList<>();
        lines.add(head);
        rows.forEach(r -> lines.add(new String[]{r.name(), r.figure(), r.limit(), r.ratio(), r.goal(), r.verdict(),
                r.noise(), r.load()}));
        int[] width = new int[head.length];
        lines.forEach(l -> {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], displayWidth(l[i]));
            }
        });
        StringBuilder out = new StringBuilder();
        run.forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                out.append(l[i]).append(" ".repeat(width[i] - displayWidth(l[i]) + 2));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Chinese characters take two columns in a terminal. */
    private static int displayWidth(String s) {
        return s.codePoints().map(c -> c >= 0x1100 && Character.isIdeographic(c) ? 2 : 1).sum();
    }
}
