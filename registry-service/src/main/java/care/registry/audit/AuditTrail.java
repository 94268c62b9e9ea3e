package care.registry.audit;

import care.registry.institution.domain.Institution;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records every change in the transaction that makes it. */
@ApplicationScoped
public class AuditTrail implements PanacheRepositoryBase<AuditEntry, Long> {

    private final ObjectMapper json;

    public AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String entity, UUID entityId, Institution institution,
                       Map<String, ?> detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = actor;
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.institutionId = institution.id;
        entry.cityCode = institution.cityCode;
        entry.divisionCode = institution.divisionCode;
        try {
            entry.detail = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        persist(entry);
    }

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
