package care.registry.site.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    public UUID institutionId;
    /** The NEW or ADD_SITE filing that added the site. */
    public UUID filingId;
    /** The site the institution was first filed with; it follows the institution's registered address. */
    public boolean main;
    public String name;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String divisionCode;
    public String townshipCode;
    public String address;
    public int filedCapacity;
    public String filingNumber;

    public Integer bedsTotal;
    public Integer bedsNursing;
    public Integer bedsInclusive;
    public Integer bedsSafetyNet;
    public Integer bedsMedical;

    public Integer slotsTotal;
    public Integer slotsInclusive;
    public Integer slotsInfant;
    public Integer slotsToddler;
    public Integer slotsOlder;
    /** Comma-separated {@link CareMode} names. */
    public String careModes = "";
    /** Comma-separated {@link ServiceOffered} names. */
    public String services = "";
    public Integer occupied;

    public Instant createdAt;
    public Instant updatedAt;
    public String updatedBy;

    @Version
    public long version;
}
