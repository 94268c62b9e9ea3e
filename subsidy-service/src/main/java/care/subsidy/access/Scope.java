package care.subsidy.access;

import care.contracts.event.Sector;
import jakarta.persistence.Parameter;
import jakarta.persistence.Query;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The records a caller may read, decided once from the token ({@link Access#scope()}) and applied by every read of
 * this service — single records, lists, CSV exports, reconciliation figures: one city; within it one county for a
 * county reviewer; the programmes of the caller's own department for a reviewer (民政 养老, 卫健 托育); released
 * batches only for the finance bureau. Repositories take a Scope for each read, and only {@link Access} makes one,
 * so a query that forgets it does not compile.
 */
public final class Scope {

    private final String cityCode;
    private final String county;
    private final Set<Sector> sectors;
    private final boolean releasedOnly;

    Scope(String cityCode, String county, Set<Sector> sectors, boolean releasedOnly) {
        this.cityCode = cityCode;
        this.county = county;
        this.sectors = Set.copyOf(sectors);
        this.releasedOnly = releasedOnly;
    }

    public String cityCode() {
        return cityCode;
    }

    /** The county of a county reviewer; empty for everyone who reads the whole city. */
    public Optional<String> county() {
        return Optional.ofNullable(county);
    }

    public boolean wholeCity() {
        return county == null;
    }

    /** The finance bureau sees a batch only once it is released to it. */
    public boolean releasedOnly() {
        return releasedOnly;
    }

    public boolean covers(Sector sector) {
        return sectors.contains(sector);
    }

    /** A record of this city, of a county in scope. */
    public boolean covers(String recordCity, String divisionCode) {
        return cityCode.equals(recordCity) && divisionCode != null && divisionCode.startsWith(area());
    }

    /** The division-code prefix of the area: 5301 for the city of Kunming, 530102 for 五华区. */
    public String area() {
        return county != null ? county : cityCode.substring(0, 4);
    }

    /**
     * SQL conditions, starting with {@code and}, on a payment_line (or any table with city_code, division_code and
     * programme_code) under {@code alias}; bind them with {@link #bind}.
     */
    public String lines(String alias) {
        return " and " + alias + ".city_code = :scopeCity and " + alias + ".division_code like :scopeArea and "
                + alias + ".programme_code in (select s.code from programme s where s.city_code = :scopeCity"
                + " and s.sector in (:scopeSectors))";
    }

    /** SQL conditions, starting with {@code and}, on a programme under {@code alias}. */
    public String programmes(String alias) {
        return " and " + alias + ".city_code = :scopeCity and " + alias + ".sector in (:scopeSectors)";
    }

    /** SQL conditions on an institution (institution_view) under {@code alias}. */
    public String institutions(String alias) {
        return " and " + alias + ".city_code = :scopeCity and " + alias + ".division_code like :scopeArea and "
                + alias + ".sector in (:scopeSectors)";
    }

    /** Binds the parameters of whichever of the conditions above the query uses. */
    public <Q extends Query> Q bind(Q query) {
        Set<String> names = query.getParameters().stream().map(Parameter::getName).filter(n -> n != null)
                .collect(Collectors.toSet());
        if (names.contains("scopeCity")) {
            query.setParameter("scopeCity", cityCode);
        }
        if (names.contains("scopeArea")) {
            query.setParameter("scopeArea", area() + "%");
        }
        if (names.contains("scopeSectors")) {
            query.setParameter("scopeSectors", sectorNames());
        }
        return query;
    }

    public List<String> sectorNames() {
        return sectors.stream().map(Enum::name).sorted().toList();
    }

    public Set<Sector> sectors() {
        return sectors;
    }

    @Override
    public String toString() {
        return "Scope[" + area() + ", " + sectorNames() + (releasedOnly ? ", released only" : "") + "]";
    }
}
