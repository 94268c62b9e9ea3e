package care.subsidy.readmodel.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The subsidy service's copy of what the register says about an institution. */
@Entity
@Table(name = "institution_view")
public class InstitutionView {

    @Id
    public UUID institutionId;

    @JdbcTypeCode(SqlTypes.CHAR)

    public String uscc;
    public String name;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    @Enumerated(EnumType.STRING)
    public InstitutionKind kind;

    @Enumerated(EnumType.STRING)
    public Ownership ownership;

    @JdbcTypeCode(SqlTypes.CHAR)

    public String cityCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String divisionCode;
    public String filingStatus;
    public String filingNumber;
    public LocalDate filedOn;
    public LocalDate effectiveOn;
    public int totalCapacity;
    public boolean inclusive;
    public boolean demonstration;
    public Instant updatedAt;
    /** When the event whose facts these are occurred at the registry: an older event does not overwrite them. */
    public Instant factsAt;
}
