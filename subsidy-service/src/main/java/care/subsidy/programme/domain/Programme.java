package care.subsidy.programme.domain;

import care.contracts.event.Sector;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A subsidy programme of one city; its parameters are effective-dated {@link ProgrammeVersion}s. Its basis is a
 * sentence of a plan: {@code document}, {@code section}, {@code sentence}; {@code source} says it in words.
 */
@Entity
@Table(name = "programme")
public class Programme {

    @Id
    public String code;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "kind")
    public ProgrammeKind kind;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    public String name;
    public String source;
    public String document;
    public String section;
    public String sentence;
}
