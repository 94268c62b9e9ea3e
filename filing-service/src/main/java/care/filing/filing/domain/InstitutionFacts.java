package care.filing.filing.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What an institution is, as a filing declares it and as this service keeps it once filed: one value for both
 * ({@link Filing#institution}, {@link FiledInstitution#facts}), stored in the same columns of both tables. Immutable,
 * so a filed institution may take a filing's facts as they are.
 * <p>
 * Codes of a fixed length are {@code char(n)} columns, and say so ({@link SqlTypes#CHAR}): the tests validate every
 * mapping against the schema, and a String is a varchar to Hibernate otherwise.
 */
@Embeddable
public record InstitutionFacts(
        @Enumerated(EnumType.STRING) Sector sector,
        @Column(name = "institution_name") String name,
        @Enumerated(EnumType.STRING) InstitutionKind kind,
        @Enumerated(EnumType.STRING) Ownership ownership,
        @JdbcTypeCode(SqlTypes.CHAR) String cityCode,
        @JdbcTypeCode(SqlTypes.CHAR) String divisionCode,
        String address,
        String legalRepresentative,
        String contactPhone,
        int capacity) {

    /** The same institution with another capacity (a site added). */
    public InstitutionFacts withCapacity(int capacity) {
        return new InstitutionFacts(sector, name, kind, ownership, cityCode, divisionCode, address,
                legalRepresentative, contactPhone, capacity);
    }
}
