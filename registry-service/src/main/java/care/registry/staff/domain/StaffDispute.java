package care.registry.staff.domain;

import care.contracts.event.Sector;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Two or more institutions claim one person for overlapping times. Decided by the competent reviewer of
 * {@code sector} in {@code divisionCode}: the department of the county whose institution made the disputing claim.
 */
@Entity
@Table(name = "staff_dispute")
public class StaffDispute {

    public enum Status { OPEN, DECIDED }

    @Id
    public UUID id;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String personKey;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String citizenIdMasked;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The later claim, whose registration overlapped the others (the held entries). */
    public UUID disputingStaffId;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String divisionCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    public Instant openedAt;
    public String openedBy;
    public String decidedBy;
    public Instant decidedAt;
    public String reason;
    public UUID standingStaffId;
    @Version
    public long version;

    /** The claims (staff ids) and what the decision made of each. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_dispute_claim", joinColumns = @JoinColumn(name = "dispute_id"))
    @MapKeyColumn(name = "staff_id")
    @Column(name = "outcome")
    @Enumerated(EnumType.STRING)
    public Map<UUID, ClaimOutcome> claims = new LinkedHashMap<>();
}
