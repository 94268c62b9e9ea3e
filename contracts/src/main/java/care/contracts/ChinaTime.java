package care.contracts;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates in this platform are Beijing time: deadlines, receipt years, subsidy months, employment days. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
