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
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = actor;
        entry.action = action;
        entry.entity = entity;
        entry.entityId = entityId;
        entry.institutionId = institution.id;
        entry.cityCode = institution.facts.cityCode;
        entry.divisionCode = institution.facts.divisionCode;
        try {
            entry.detail = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entries.persist(entry);
    }
}
