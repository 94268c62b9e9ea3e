package care.registry.institution.domain;

import io.quarkus.panache.common.Parameters;

/**
 * A JPQL condition on Institution fields, with its parameters, limiting a query to the institutions a caller may
 * see. Decided by {@code care.registry.access.Access}; the repositories only apply it, so that access depends on the
 * domain and never the other way round.
 */
public record InstitutionScope(String condition, Parameters parameters) {

    /** For a caller who may see no institution at all. */
    public static final InstitutionScope NOTHING = new InstitutionScope("1 = 0", new Parameters());
}
