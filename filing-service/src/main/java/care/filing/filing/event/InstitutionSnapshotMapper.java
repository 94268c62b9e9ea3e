package care.filing.filing.event;

import care.contracts.event.InstitutionSnapshotV1;
import care.filing.filing.domain.FiledInstitution;

/** The one mapping from this service's institution facts to the snapshot its events carry. */
public final class InstitutionSnapshotMapper {

    private InstitutionSnapshotMapper() {
    }

    public static InstitutionSnapshotV1 toSnapshot(FiledInstitution institution) {
        var f = institution.facts;
        return new InstitutionSnapshotV1(institution.uscc, f.name(), f.sector(), f.kind(), f.ownership(), f.cityCode(),
                f.divisionCode(), f.address(), f.legalRepresentative(), f.contactPhone(), f.capacity());
    }
}
