package care.subsidy.programme.domain;

import care.contracts.event.Sector;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subsidy programme of one city; its parameters are effective-dated {@link ProgrammeVersion}s. */
@Entity
@Table(name = "programme")
public class Programme {

    @Id
    public String code;
    @Column(name = "city_code")
    public String cityCode;
    @Enumerated(EnumType.STRING)
    public ProgrammeKind kind;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    public String name;
    public String source;
}
