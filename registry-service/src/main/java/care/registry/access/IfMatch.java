package care.registry.access;

import care.contracts.problem.ProblemException;

/** Optimistic locking over HTTP: resources carry {@code ETag: "<version>"}; an If-Match must name the current one. */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version an If-Match header names, or null when the client sent none. */
    public static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "If-Match 应为资源的 ETag，例如 \"3\"");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
