package care.registry.account.domain;

import care.contracts.event.Sector;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** 机构注册: an institution's application for an operator account, decided by its county's competent department. */
@Entity
public class Registration {

    @Id
    public UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String uscc;
    public String institutionName;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String divisionCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    public String legalRepresentative;
    /**
     * The register already held the USCC, or an account was bound to it, when this registration came in: whoever
     * registered may be claiming someone else's institution, so the reviewer is shown this before confirming.
     */
    public boolean knownInstitution;
    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;
    public String reason;
    public String decidedBy;
    public Instant decidedAt;
    public Instant createdAt;
    @Version
    public long version;
}
