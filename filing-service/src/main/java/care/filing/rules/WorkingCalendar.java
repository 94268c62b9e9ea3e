package care.filing.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in mainland China: Monday to Friday, less the official holidays, plus the adjusted weekend
 * working days (调休), from {@code filing/holidays.tsv}. A year without data counts weekends only (logged once).
 */
@ApplicationScoped
public class WorkingCalendar {

    private static final Logger LOG = Logger.getLogger(WorkingCalendar.class);

    private final Set<LocalDate> off = new HashSet<>();
    private final Set<LocalDate> work = new HashSet<>();
    private final Set<Integer> years = new HashSet<>();
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    public WorkingCalendar() {
        for (String[] row : Tsv.read("filing/holidays.tsv", 3)) {
            LocalDate date = LocalDate.parse(row[0]);
            switch (row[1]) {
                case "OFF" -> off.add(date);
                case "WORK" -> work.add(date);
                default -> throw new IllegalStateException("holidays.tsv: kind is OFF or WORK: " + row[1]);
            }
            years.add(date.getYear());
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        if (!years.contains(date.getYear()) && warned.add(date.getYear())) {
            LOG.warnf("no holiday schedule for %d in filing/holidays.tsv: counting weekends only", date.getYear());
        }
        if (work.contains(date)) {
            return true;
        }
        if (off.contains(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The day by which a matter received on {@code start} must be done: the n-th working day after it. */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** Working days elapsed from {@code from} to {@code to} (0 if decided on a day no working day has passed). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
