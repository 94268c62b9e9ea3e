package care.contracts.http;

import care.contracts.problem.ProblemException;

/**
 * Optimistic locking over HTTP, the same in every service: a resource carries {@code ETag: "<version>"}, and a change
 * may name the version it was made against in If-Match (RFC 9110 §13.1.1).
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version an If-Match header names, or null when it names none (absent, blank or {@code *}). */
    public static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "If-Match 应为先前响应中的 ETag，例如 \"3\"");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
