package care.registry.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** One page of a city's trail, newest first, optionally of one institution. */
    public List<AuditEntry> search(String cityCode, UUID institutionId, int page, int size) {
        StringBuilder where = new StringBuilder("cityCode = :city");
        Parameters params = Parameters.with("city", cityCode);
        if (institutionId != null) {
            where.append(" and institutionId = :institution");
            params.and("institution", institutionId);
        }
        return find(where.toString(), Sort.descending("id"), params).page(Page.of(page, size)).list();
    }
}
