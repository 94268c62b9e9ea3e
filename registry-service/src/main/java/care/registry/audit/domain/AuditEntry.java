package care.registry.audit.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One change to the register: who, when, what. Never holds a plain citizen ID. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Instant at;
    public String actor;
    public String action;
    public String entity;
    public UUID entityId;
    public UUID institutionId;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String divisionCode;
    public String detail;
}
