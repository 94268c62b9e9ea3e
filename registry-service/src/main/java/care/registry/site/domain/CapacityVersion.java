package care.registry.site.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A site's capacity breakdown as recorded at one change, never updated: the indicators read a past day's capacity
 * from here, since {@link Site} holds only the latest.
 */
@Entity
@Table(name = "site_capacity_version")
public class CapacityVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID siteId;
    public UUID institutionId;
    public Instant recordedAt;
    public Integer bedsTotal;
    public Integer bedsNursing;
    public Integer bedsInclusive;
    public Integer bedsSafetyNet;
    public Integer slotsTotal;
    public Integer slotsInclusive;

    public static CapacityVersion of(Site site) {
        CapacityVersion v = new CapacityVersion();
        v.siteId = site.id;
        v.institutionId = site.institutionId;
        v.recordedAt = site.updatedAt;
        v.bedsTotal = site.bedsTotal;
        v.bedsNursing = site.bedsNursing;
        v.bedsInclusive = site.bedsInclusive;
        v.bedsSafetyNet = site.bedsSafetyNet;
        v.slotsTotal = site.slotsTotal;
        v.slotsInclusive = site.slotsInclusive;
        return v;
    }
}
