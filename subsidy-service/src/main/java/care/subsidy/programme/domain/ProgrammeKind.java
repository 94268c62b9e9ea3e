package care.subsidy.programme.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of subsidy a plan names (护理补助, 示范性补助, 建设补贴, 运营补贴, 以奖代补), with its calculation and source. */
@Entity
@Table(name = "programme_kind")
public class ProgrammeKind {

    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Calculation calculation;
    public String document;
    public String section;
    public String sentence;

    public boolean monthly() {
        return calculation == Calculation.MONTHLY_BY_GRADE;
    }
}
