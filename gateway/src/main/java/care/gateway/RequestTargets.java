package care.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Which request targets the gateway forwards: origin-form only ({@code /path?query}), in plain visible ASCII, with
 * no dot segments, empty segments, backslashes, fragments, or percent-encoded dots, slashes, backslashes, percents
 * or control characters in the path. Anything else (absolute-form {@code http://host/...}, authority-form of
 * CONNECT, asterisk-form {@code OPTIONS *}, and the traversal tricks that services and proxies decode differently)
 * is refused with 400 before any token work or forwarding. Legitimate clients never send these; refusing them is
 * simpler and safer than normalising them into something a service may read differently.
 * <p>
 * One pass over the characters, no allocation: it runs on every request.
 */
final class RequestTargets {

    private RequestTargets() {
    }

    /** Why the request's target is refused, or null if it may be forwarded. */
    static String refusal(HttpServerRequest request) {
        return refusal(request.uri());
    }

    static String refusal(String uri) {
        if (uri == null || uri.isEmpty() || uri.charAt(0) != '/') {
            return "the request target must be a path starting with '/' (origin-form), not an absolute URL, "
                    + "an authority or '*'";
        }
        int length = uri.length();
        boolean inPath = true;
        for (int i = 0; i < length; i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return "the request target may only hold visible ASCII characters (percent-encode the rest)";
            }
            if (c == '#') {
                return "the request target must not carry a fragment";
            }
            if (!inPath) {
                continue;
            }
            switch (c) {
                case '?' -> inPath = false;
                case '\\' -> {
                    return "the path must not contain a backslash";
                }
                case '/' -> {
                    if (i + 1 < length && uri.charAt(i + 1) == '/') {
                        return "the path must not contain an empty segment ('//')";
                    }
                    int end = i + 1;
                    while (end < length && uri.charAt(end) == '.') {
                        end++;
                    }
                    int dots = end - i - 1;
                    if ((dots == 1 || dots == 2) && (end == length || isSegmentEnd(uri.charAt(end)))) {
                        return "the path must not contain '.' or '..' segments";
                    }
                }
                case '%' -> {
                    int high = i + 2 < length ? Character.digit(uri.charAt(i + 1), 16) : -1;
                    int low = i + 2 < length ? Character.digit(uri.charAt(i + 2), 16) : -1;
                    if (high < 0 || low < 0) {
                        return "the path has a malformed percent-encoding";
                    }
                    int octet = high * 16 + low;
                    if (octet == '.' || octet == '/' || octet == '\\' || octet == '%' || octet < 0x20 || octet == 0x7f) {
                        return "the path must not percent-encode '.', '/', '\\', '%' or control characters";
                    }
                    i += 2;
                }
                default -> {
                }
            }
        }
        return null;
    }

    private static boolean isSegmentEnd(char c) {
        return c == '/' || c == '?' || c == ';';
    }

    /** CONNECT would open a tunnel and TRACE echo the caller's headers (its token among them) back. */
    static boolean refusedMethod(HttpMethod method) {
        return method == HttpMethod.CONNECT || method == HttpMethod.TRACE;
    }
}
