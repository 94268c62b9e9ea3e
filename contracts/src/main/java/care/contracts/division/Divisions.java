package care.contracts.division;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The GB/T 2260 division table shipped in {@code divisions/530000.tsv}: cities and their counties. */
public final class Divisions {

    public record Division(String code, String name, String parentCode) {
        public boolean isCity() {
            return code.endsWith("00") && !code.endsWith("0000");
        }

        public boolean isCounty() {
            return !code.endsWith("00");
        }
    }

    private static final Map<String, Division> BY_CODE = load();

    private Divisions() {
    }

    public static Optional<Division> find(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }

    public static boolean isCounty(String code) {
        return find(code).map(Division::isCounty).orElse(false);
    }

    public static boolean isCity(String code) {
        return find(code).map(Division::isCity).orElse(false);
    }

    /** The city a county belongs to (530102 → 530100). */
    public static Optional<String> cityOf(String countyCode) {
        return find(countyCode).filter(Division::isCounty).map(Division::parentCode);
    }

    public static List<Division> countiesOf(String cityCode) {
        return BY_CODE.values().stream().filter(d -> Objects.equals(d.parentCode(), cityCode)).toList();
    }

    private static Map<String, Division> load() {
        Map<String, Division> table = new LinkedHashMap<>();
        try (var in = Divisions.class.getResourceAsStream("/divisions/530000.tsv");
             var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                String[] cells = line.split("\t", -1);
                table.put(cells[0], new Division(cells[0], cells[1], cells[2].isBlank() ? null : cells[2]));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
