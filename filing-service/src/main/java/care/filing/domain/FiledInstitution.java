package care.filing.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * An institution as this service filed it: created by an approved NEW filing, kept current by approved CHANGE,
 * ADD_SITE and CLOSE filings. CHANGE, ADD_SITE and CLOSE must name a FILED one; a NEW needs none to be FILED.
 */
@Entity
@Table(name = "filed_institution")
public class FiledInstitution {

    public enum Status { FILED, CLOSED }

    @Id
    public String uscc;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @Column(name = "institution_name")
    public String name;
    @Enumerated(EnumType.STRING)
    public InstitutionKind kind;
    @Enumerated(EnumType.STRING)
    public Ownership ownership;
    @Column(name = "city_code")
    public String cityCode;
    @Column(name = "division_code")
    public String divisionCode;
    public String address;
    @Column(name = "legal_representative")
    public String legalRepresentative;
    @Column(name = "contact_phone")
    public String contactPhone;
    public int capacity;
    public int sites;
    @Column(name = "last_filing_id")
    public UUID lastFilingId;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
