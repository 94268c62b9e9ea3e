package care.portal;

import io.quarkus.qute.TemplateData;

import java.util.Map;
import java.util.Set;

/** Who is looking at the page (from the access token's claims), for the menus and the forms' defaults. */
@TemplateData
public record User(boolean loggedIn, String username, String displayName, Set<String> roles,
                   Map<String, Object> claims) {

    static final User ANONYMOUS = new User(false, null, null, Set.of(), Map.of());

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean institution() {
        return is("institution");
    }

    /**
     * Drafts and submits its own filings: an institution, or a registrant (a registration not yet confirmed) for its
     * 新设备案 only — the filing service decides which filing is whose.
     */
    public boolean files() {
        return institution() || is("registrant");
    }

    public boolean reviewer() {
        return is("civil-affairs-reviewer") || is("health-reviewer") || is("auditor") || is("city-admin");
    }

    /**
     * Reads roster disputes: reviewers, city admin, auditor. Never an institution's account, even one that also holds
     * a reviewer role (the registry refuses it: one account, one duty); its roster says its entry waits.
     */
    public boolean disputes() {
        return reviewer() && !institution();
    }

    /** Reads 指标监测: reviewers (their county and sector), city admin and auditor (their city); never an institution. */
    public boolean indicators() {
        return reviewer() && !institution();
    }

    /** 概览: the figures of the user's area from each service; the reviewers', city admins' and auditors'. */
    public boolean overview() {
        return reviewer() && !institution();
    }

    /** Keeps the city's township (乡镇/街道) lists: the city admin only. */
    public boolean townships() {
        return is("city-admin") && !institution();
    }

    public boolean decides() {
        return is("civil-affairs-reviewer") || is("health-reviewer");
    }

    public boolean batches() {
        return is("city-admin") || is("civil-affairs-reviewer") || is("health-reviewer") || is("auditor");
    }

    /** Generates and reviews city batches: the city admin, or a reviewer bound to the whole city (division …00). */
    public boolean batchReviewer() {
        return is("city-admin") || (decides() && claim("division_code").endsWith("00"));
    }

    /**
     * Whether this user may open the page at {@code path} (under /portal): the one place the portal decides which
     * pages a role is offered (the menu asks the same methods) and which it is refused when typed. The rules are the
     * services': only an institution keeps its 备案, sites and roster (the registry's keptByCaller, the filing
     * service's filer), the review queue is the reviewers', city admins' and auditors', and so on. A filing's own
     * page ({@code /portal/filings/{id}}) is open to both sides: the API decides whose filing it is.
     */
    public boolean mayOpen(String path) {
        if (path.equals("/portal/filings") || path.equals("/portal/filings/new") || under(path, "/portal/messages")) {
            return files();
        }
        if (under(path, "/portal/sites") || under(path, "/portal/staff")) {
            return institution();
        }
        if (under(path, "/portal/review")) {
            return reviewer() && !institution();
        }
        if (under(path, "/portal/overview")) {
            return overview();
        }
        if (under(path, "/portal/townships")) {
            return townships();
        }
        if (under(path, "/portal/disputes")) {
            return disputes();
        }
        if (under(path, "/portal/indicators")) {
            return indicators() || path.endsWith(".js");
        }
        if (under(path, "/portal/batches") || under(path, "/portal/grants") || under(path, "/portal/programmes")) {
            return batches();
        }
        return true;
    }

    private static boolean under(String path, String page) {
        return path.equals(page) || path.startsWith(page + "/");
    }

    /** Bound to a whole city (division …00): a city admin, an auditor or a city-level reviewer; offered a county filter. */
    public boolean cityWide() {
        return claim("division_code").endsWith("00");
    }

    public String claim(String name) {
        Object value = claims.get(name);
        return value == null ? "" : value.toString();
    }

    public String roleLabel() {
        if (is("institution")) return "机构经办人";
        if (is("registrant")) return "注册待确认";
        if (is("civil-affairs-reviewer")) return "民政审核员";
        if (is("health-reviewer")) return "卫健审核员";
        if (is("city-admin")) return "市级管理员";
        if (is("auditor")) return "审计";
        return "";
    }

    /** Where a user starts after login. */
    public String home() {
        if (is("institution") || is("registrant")) return "/portal/filings";
        if (is("city-admin") || is("auditor")) return "/portal/overview";
        if (is("civil-affairs-reviewer") || is("health-reviewer")) return "/portal/review";
        return "/portal/";
    }
}
