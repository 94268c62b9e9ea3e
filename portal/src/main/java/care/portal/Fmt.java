package care.portal;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formatting for the pages: times in China time, fen as yuan. */
@TemplateExtension(namespace = "fmt")
public final class Fmt {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    private Fmt() {
    }

    static String time(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(instant.toString()));
        } catch (RuntimeException e) {
            return instant.toString();
        }
    }

    static String yuan(Object fen) {
        if (fen == null) {
            return "";
        }
        return new BigDecimal(fen.toString()).movePointLeft(2).setScale(2).toPlainString();
    }

    static String size(Object bytes) {
        if (bytes == null) {
            return "";
        }
        long b = Long.parseLong(bytes.toString());
        return b < 1024 ? b + " B" : b < 1024 * 1024 ? (b / 1024) + " KB" : String.format("%.1f MB", b / 1048576.0);
    }

    static String url(Object text) {
        return text == null ? "" : java.net.URLEncoder.encode(text.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static int percent(Object part, Object whole) {
        long w = whole == null ? 0 : Long.parseLong(whole.toString());
        long p = part == null ? 0 : Long.parseLong(part.toString());
        return w <= 0 ? 0 : (int) Math.min(100, p * 100 / w);
    }
}
