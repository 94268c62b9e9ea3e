package care.filing.rules;

import care.contracts.event.Sector;
import care.filing.filing.domain.FilingType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** Working-day processing limits per sector and filing type, from {@code filing/time-limits.tsv}. */
@ApplicationScoped
public class TimeLimits {

    private final Map<Sector, Map<FilingType, Integer>> days = new EnumMap<>(Sector.class);

    public TimeLimits() {
        for (String[] row : Tsv.read("filing/time-limits.tsv", 4)) {
            int value = Integer.parseInt(row[2]);
            if (value <= 0) {
                throw new IllegalStateException("time-limits.tsv: working days must be positive: " + row[2]);
            }
            days.computeIfAbsent(Sector.valueOf(row[0]), s -> new EnumMap<>(FilingType.class))
                    .put(FilingType.valueOf(row[1]), value);
        }
        for (Sector sector : Sector.values()) {
            for (FilingType type : FilingType.values()) {
                workingDays(sector, type);
            }
        }
    }

    public int workingDays(Sector sector, FilingType type) {
        Integer value = days.getOrDefault(sector, Map.of()).get(type);
        if (value == null) {
            throw new IllegalStateException("time-limits.tsv has no limit for " + sector + "/" + type);
        }
        return value;
    }
}
