package care.portal;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * 适老化 display modes: 大字 (larger type, everything in the page grows with it) and 高对比 (black on white, underlined
 * links, strong borders). Each is a button in the header that posts here (a form: works without JavaScript, and no
 * GET changes anything); the choice is remembered in a cookie for a year, on this browser, logged in or not.
 */
@Path("/portal/display")
@PermitAll
public class Display {

    static final String COOKIE = "display";
    static final Set<String> MODES = Set.of("large", "contrast");

    /** Turns {@code mode} on or off and goes back to the page the button was on. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response toggle(@RestForm String mode, @RestForm String back, @CookieParam(COOKIE) String current) {
        Set<String> modes = modes(current);
        if (MODES.contains(mode) && !modes.remove(mode)) {
            modes.add(mode);
        }
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(String.join(".", modes)).path("/portal")
                .maxAge(modes.isEmpty() ? 0 : 365 * 24 * 3600).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.status(303).header("Location", local(back)).cookie(cookie).build();
    }

    /** The modes a cookie names; anything else in it is ignored. */
    static Set<String> modes(String cookie) {
        return cookie == null ? new TreeSet<>() : Arrays.stream(cookie.split("\\."))
                .filter(MODES::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Only a page of the portal: never another site (an open redirect). */
    static String local(String back) {
        return back != null && back.startsWith("/portal") && !back.contains("//") && !back.contains("\\")
                && back.chars().noneMatch(c -> c < 0x20) ? back : "/portal/";
    }

    /**
     * What the layout needs of the request: the page shown (the navigation marks its own link with
     * {@code aria-current}; the display buttons come back to it), the display modes on, and whether the page is the
     * answer to a post (portal.js then knows that what it kept of the form arrived: see its time-out part).
     */
    @TemplateData
    public record Here(String path, String uri, Set<String> modes, boolean posted) {

        /** {@code aria-current="page"} on the link of this page, or of the section it is in. */
        public RawString mark(String href) {
            boolean here = path.equals(href) || (!href.equals("/portal/") && path.startsWith(href + "/"));
            return new RawString(here ? " aria-current=\"page\"" : "");
        }

        public boolean on(String mode) {
            return modes.contains(mode);
        }

        /** The classes of the page's root element. */
        public String classes() {
            return modes.stream().map(m -> "mode-" + m).collect(Collectors.joining(" "));
        }

        static Here of(String path, String query, String cookie, boolean posted) {
            String uri = query == null || query.isEmpty() ? path : path + "?" + query;
            return new Here(path, uri, Display.modes(cookie), posted);
        }
    }
}
