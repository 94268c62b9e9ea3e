package care.contracts.security;

/** Realm roles of the Keycloak realm {@code care} (deploy/keycloak/care-realm.json). */
public final class Roles {
    public static final String INSTITUTION = "institution";
    /**
     * A self-registered institution's account waiting for confirmation: it may draft and submit the NEW filing of the
     * USCC it registered, and nothing else (see registry-service's Accounts and filing-service's Access).
     */
    public static final String REGISTRANT = "registrant";
    public static final String CIVIL_AFFAIRS_REVIEWER = "civil-affairs-reviewer";
    public static final String HEALTH_REVIEWER = "health-reviewer";
    public static final String CITY_ADMIN = "city-admin";
    public static final String FINANCE = "finance";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
