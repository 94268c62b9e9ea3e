package care.gateway;

import java.net.URI;

/**
 * Where a service listens, taken apart once from its configured URL: requests to it are built from this host and
 * port and the caller's checked path, never by gluing strings into a URL (which a request target such as
 * {@code @other-host/x://y/api/...} turned into a request to another host).
 */
record Backend(String host, int port, boolean ssl) {

    static Backend of(String service, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("gateway.routes." + service + ".url is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean bare = uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                && uri.getRawFragment() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty()
                || uri.getRawPath().equals("/"));
        if (!(scheme.equals("http") || scheme.equals("https")) || !bare) {
            throw new IllegalArgumentException("gateway.routes." + service
                    + ".url must be http(s)://host[:port] with nothing else: " + url);
        }
        boolean ssl = scheme.equals("https");
        return new Backend(uri.getHost(), uri.getPort() == -1 ? (ssl ? 443 : 80) : uri.getPort(), ssl);
    }
}
