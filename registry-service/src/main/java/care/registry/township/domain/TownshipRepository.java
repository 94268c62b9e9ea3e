package care.registry.township.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TownshipRepository implements PanacheRepositoryBase<Township, UUID> {

    /** A county's townships, those in force first, each group by code. */
    public List<Township> ofCounty(String countyCode) {
        return list("countyCode = ?1 order by case when validUntil is null then 0 else 1 end, code", countyCode);
    }

    public Optional<Township> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public boolean nameInForce(String countyCode, String name) {
        return count("countyCode = ?1 and name = ?2 and validUntil is null", countyCode, name) > 0;
    }

    /** The codes of a county's townships in force (empty: the city has entered none for it). */
    public List<String> codesInForce(String countyCode) {
        return getEntityManager().createQuery(
                        "select t.code from Township t where t.countyCode = ?1 and t.validUntil is null", String.class)
                .setParameter(1, countyCode).getResultList();
    }
}
