package care.registry.institution.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** 普惠 and 示范 as designated at one change, never updated: the indicators read a past day's designations here. */
@Entity
@Table(name = "designation_version")
public class DesignationVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID institutionId;
    public Instant recordedAt;
    public boolean inclusive;
    public boolean demonstration;

    public static DesignationVersion of(Institution institution) {
        DesignationVersion v = new DesignationVersion();
        v.institutionId = institution.id;
        v.recordedAt = institution.updatedAt;
        v.inclusive = institution.inclusive;
        v.demonstration = institution.demonstration;
        return v;
    }
}
