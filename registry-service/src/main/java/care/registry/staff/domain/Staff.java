package care.registry.staff.domain;

import care.contracts.event.CertificateGrade;
import care.contracts.event.StaffRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One person's employment at one institution, with their certificate. The citizen ID exists here only encrypted
 * ({@code citizenIdCipher}), as a keyed hash ({@code citizenIdHash}, the event's personKey) and masked.
 */
@Entity
@Table(name = "staff")
public class Staff {

    @Id
    public UUID id;
    @Column(name = "institution_id")
    public UUID institutionId;
    public String name;
    @Enumerated(EnumType.STRING)
    public StaffRole role;

    @Column(name = "citizen_id_cipher")
    public byte[] citizenIdCipher;
    @Column(name = "citizen_id_hash")
    public String citizenIdHash;
    @Column(name = "citizen_id_masked")
    public String citizenIdMasked;

    @Column(name = "certificate_type")
    public String certificateType;
    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_grade")
    public CertificateGrade certificateGrade;
    @Column(name = "certificate_number")
    public String certificateNumber;
    @Column(name = "certificate_issued_on")
    public LocalDate certificateIssuedOn;
    @Column(name = "certificate_valid_until")
    public LocalDate certificateValidUntil;

    @Column(name = "employed_from")
    public LocalDate employedFrom;
    @Column(name = "employed_until")
    public LocalDate employedUntil;

    /** ACTIVE, DISPUTED (another institution claims the person: waits for the county) or REFUSED. */
    @Enumerated(EnumType.STRING)
    public StaffStatus status = StaffStatus.ACTIVE;
    /** What the last roster dispute decided for this entry: told to its institution, nothing about the others. */
    @Enumerated(EnumType.STRING)
    @Column(name = "dispute_outcome")
    public ClaimOutcome disputeOutcome;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
