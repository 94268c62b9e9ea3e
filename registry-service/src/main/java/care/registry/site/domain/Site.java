package care.registry.site.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A 经营场所 of an institution, in its county (seed 000 §25). Name, address and filed capacity come from the
 * filing that added it; the capacity breakdown, services and occupancy are kept by the institution.
 */
@Entity
@Table(name = "site")
public class Site {

    @Id
    public UUID id;
    @Column(name = "institution_id")
    public UUID institutionId;
    /** The NEW or ADD_SITE filing that added the site. */
    @Column(name = "filing_id")
    public UUID filingId;
    /** The site the institution was first filed with; it follows the institution's registered address. */
    public boolean main;
    public String name;
    @Column(name = "division_code")
    public String divisionCode;
    @Column(name = "township_code")
    public String townshipCode;
    public String address;
    @Column(name = "filed_capacity")
    public int filedCapacity;
    @Column(name = "filing_number")
    public String filingNumber;

    @Column(name = "beds_total")
    public Integer bedsTotal;
    @Column(name = "beds_nursing")
    public Integer bedsNursing;
    @Column(name = "beds_inclusive")
    public Integer bedsInclusive;
    @Column(name = "beds_safety_net")
    public Integer bedsSafetyNet;
    @Column(name = "beds_medical")
    public Integer bedsMedical;

    @Column(name = "slots_total")
    public Integer slotsTotal;
    @Column(name = "slots_inclusive")
    public Integer slotsInclusive;
    @Column(name = "slots_infant")
    public Integer slotsInfant;
    @Column(name = "slots_toddler")
    public Integer slotsToddler;
    @Column(name = "slots_older")
    public Integer slotsOlder;
    /** Comma-separated {@link CareMode} names. */
    @Column(name = "care_modes")
    public String careModes = "";
    /** Comma-separated {@link ServiceOffered} names. */
    public String services = "";
    public Integer occupied;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
