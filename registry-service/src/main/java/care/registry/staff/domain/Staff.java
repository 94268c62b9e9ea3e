package care.registry.staff.domain;

import care.contracts.event.CertificateGrade;
import care.contracts.event.StaffRole;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One person's employment at one institution, with their certificate. The citizen ID exists here only encrypted
 * ({@code citizenIdCipher}, under key version {@code citizenIdKey}), as a keyed hash ({@code citizenIdHash}, the
 * event's personKey) and masked.
 */
@Entity
@Table(name = "staff")
public class Staff {

    @Id
    public UUID id;
    public UUID institutionId;
    public String name;
    @Enumerated(EnumType.STRING)
    public StaffRole role;

    public byte[] citizenIdCipher;
    /** The version of the key in {@code care.pii.keys} that sealed {@code citizenIdCipher}. */
    public short citizenIdKey;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String citizenIdHash;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String citizenIdMasked;

    public String certificateType;
    @Enumerated(EnumType.STRING)
    public CertificateGrade certificateGrade;
    public String certificateNumber;
    public LocalDate certificateIssuedOn;
    public LocalDate certificateValidUntil;

    public LocalDate employedFrom;
    public LocalDate employedUntil;

    /** The institution's head (负责人), whose education a plan's target counts. */
    public boolean head;
    @Enumerated(EnumType.STRING)
    public Education education;

    /** ACTIVE, DISPUTED (another institution claims the person: waits for the county) or REFUSED. */
    @Enumerated(EnumType.STRING)
    public StaffStatus status = StaffStatus.ACTIVE;
    /** What the last roster dispute decided for this entry: told to its institution, nothing about the others. */
    @Enumerated(EnumType.STRING)
    public ClaimOutcome disputeOutcome;

    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
