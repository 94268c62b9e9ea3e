package care.registry.township.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A 乡镇（街道） of a county as its city's admin entered it: a 9-digit code starting with the county's code and a
 * name. Never deleted: retired on the day it ends ({@link #validUntil}), so a site that named it is still explained.
 */
@Entity
@Table(name = "township")
public class Township {

    @Id
    public UUID id;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String code;
    public String name;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String countyCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    public LocalDate validFrom;
    public LocalDate validUntil;
    public String enteredBy;
    public Instant enteredAt;
    public String changedBy;
    public Instant changedAt;
    @Version
    public long version;

    public boolean inForce() {
        return validUntil == null;
    }
}
