package care.registry.institution.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.InstitutionSnapshotV1;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What the 备案 says about an institution, as the register holds it: changed only by an approved filing, and then
 * replaced whole ({@link #from}). The contact phone a filing also carries is not among them: the institution keeps
 * it between filings (Institution.contactPhone).
 */
@Embeddable
public class InstitutionFacts {

    public String name;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @Enumerated(EnumType.STRING)
    public InstitutionKind kind;
    @Enumerated(EnumType.STRING)
    public Ownership ownership;
    @JdbcTypeCode(SqlTypes.CHAR)
    public String cityCode;
    /** The county (GB/T 2260) whose department the institution is filed with. */
    @JdbcTypeCode(SqlTypes.CHAR)
    public String divisionCode;
    /** The registered address. */
    public String address;
    public String legalRepresentative;

    /** The facts of a filing's snapshot: the one place they are copied from an event. */
    public static InstitutionFacts from(InstitutionSnapshotV1 s) {
        InstitutionFacts facts = new InstitutionFacts();
        facts.name = s.name();
        facts.sector = s.sector();
        facts.kind = s.kind();
        facts.ownership = s.ownership();
        facts.cityCode = s.cityCode();
        facts.divisionCode = s.divisionCode();
        facts.address = s.address();
        facts.legalRepresentative = s.legalRepresentative();
        return facts;
    }
}
