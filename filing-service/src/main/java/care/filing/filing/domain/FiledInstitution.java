package care.filing.filing.domain;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * An institution as this service filed it: created by an approved NEW filing, kept current by approved CHANGE,
 * ADD_SITE and CLOSE filings. CHANGE, ADD_SITE and CLOSE must name a FILED one; a NEW needs none to be FILED.
 */
@Entity
public class FiledInstitution {

    public enum Status { FILED, CLOSED }

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    public String uscc;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Embedded
    public InstitutionFacts facts;
    public int sites;
    public UUID lastFilingId;
    public Instant updatedAt;
    @Version
    public long version;
}
