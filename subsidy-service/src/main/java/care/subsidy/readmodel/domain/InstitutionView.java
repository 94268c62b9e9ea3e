package care.subsidy.readmodel.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The subsidy service's copy of what the register says about an institution. */
@Entity
@Table(name = "institution_view")
public class InstitutionView {

    @Id
    @Column(name = "institution_id")
    public UUID institutionId;

    public String uscc;
    public String name;

    @Enumerated(EnumType.STRING)
    public Sector sector;

    @Enumerated(EnumType.STRING)
    public InstitutionKind kind;

    @Enumerated(EnumType.STRING)
    public Ownership ownership;

    @Column(name = "city_code")
    public String cityCode;
    @Column(name = "division_code")
    public String divisionCode;
    @Column(name = "filing_status")
    public String filingStatus;
    @Column(name = "filing_number")
    public String filingNumber;
    @Column(name = "filed_on")
    public LocalDate filedOn;
    @Column(name = "effective_on")
    public LocalDate effectiveOn;
    @Column(name = "total_capacity")
    public int totalCapacity;
    public boolean inclusive;
    public boolean demonstration;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
