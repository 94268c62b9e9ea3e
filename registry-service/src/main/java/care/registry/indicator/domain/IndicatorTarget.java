package care.registry.indicator.domain;

import care.contracts.event.Sector;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of one target of a city's plan, with its source (document, section, the sentence). Never updated: a
 * change is a new version. {@code measure} null means the register cannot measure it ({@code notMeasuredReason}).
 */
@Entity
@Table(name = "indicator_target")
public class IndicatorTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    public String name;
    @Enumerated(EnumType.STRING)
    public Measure measure;
    public String notMeasuredReason;
    /** {@code >=} or {@code <=}. */
    public String direction;
    public BigDecimal targetValue;
    public String unit;
    public LocalDate targetOn;
    /** The day the plan's own figures describe: 新增 counts from it; the straight line to the target starts there. */
    public LocalDate baselineOn;
    /** CITY: set for the city as a whole (counties show their part without a target); COUNTY: each county too. */
    public String scope;
    public String sourceDocument;
    public String sourceSection;
    public String sourceSentence;
    public int version;
    public LocalDate effectiveFrom;
    public Instant recordedAt;
    public String recordedBy;

    public boolean measured() {
        return measure != null;
    }

    public boolean atLeast() {
        return ">=".equals(direction);
    }

    public boolean forCounties() {
        return "COUNTY".equals(scope);
    }
}
