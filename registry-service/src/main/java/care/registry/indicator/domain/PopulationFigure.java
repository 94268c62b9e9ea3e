package care.registry.indicator.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A county's (or the city's) population of one kind as a city admin entered it, with year and source. Never
 * updated: a new figure is a new row, and the one in force for a day is the latest recorded by the end of it.
 */
@Entity
@Table(name = "population_figure")
public class PopulationFigure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String divisionCode;
    @Enumerated(EnumType.STRING)
    public PopulationKind kind;
    public int value;
    public int referenceYear;
    public String source;
    /** Made-up figures of the local demo stack, shown as such. */
    public boolean demo;
    public String recordedBy;
    public Instant recordedAt;
}
