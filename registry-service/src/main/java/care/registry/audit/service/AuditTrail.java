package care.registry.audit.service;

import care.registry.audit.domain.AuditEntry;
import care.registry.audit.domain.AuditEntryRepository;
import care.registry.institution.domain.Institution;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Records every change in the transaction that makes it. */
@ApplicationScoped
public class AuditTrail {

    private final AuditEntryRepository entries;
    private final ObjectMapper json;

    public AuditTrail(AuditEntryRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String entity, UUID entityId, Institution institution,
                       Map<String, ?> detail) {
        record(actor, action, entity, entityId, institution.id, institution.facts.cityCode,
                institution.facts.divisionCode, detail);
    }

    /** A change that concerns no institution of the register (yet): an account, a registration. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String entity, UUID entityId, String cityCode,
                       String divisionCode, Map<String, ?> detail) {
        record(actor, action, entity, entityId, null, cityCode, divisionCode, detail);
    }

    private void record(String actor, String action, String entity, UUID entityId, UUID institutionId,
                        String cityCode, String divisionCode, Map<String, ?> detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = actor;
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.institutionId = institutionId;
        entry.cityCode = cityCode;
        entry.divisionCode = divisionCode;
        try {
            entry.detail = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entries.persist(entry);
    }
}
