package care.contracts.event;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A staff member's roster entry at one institution was added or changed (certificate, grade, employment).
 * Carries the whole current entry, so the latest event per {@code staffId} is the truth. No citizen ID travels:
 * {@code personKey} is the registry's keyed hash of it, the same for one person at every institution, so a
 * move between institutions is recognised and a person is never paid twice for one month.
 *
 * @param certificateGrade    null when the person holds no 职业技能等级证书
 * @param certificateValidUntil null when the certificate does not expire
 * @param employedUntil       null while still employed. A claim the county refused (see {@code disputed}) is sent
 *                            with employedUntil the day before employedFrom: an employment that never stood, which
 *                            no month counts, even for a consumer that does not know {@code disputed}.
 * @param disputed            added later (absent = false): another institution claims the same person for an
 *                            overlapping time and the county's competent reviewer has not decided yet. While any
 *                            entry of a person is disputed, none of that person's entries makes them eligible for
 *                            an allowance.
 */
public record CaregiverChangedV1(
        UUID staffId,
        UUID institutionId,
        String institutionUscc,
        String cityCode,
        String divisionCode,
        String personKey,
        String name,
        String maskedCitizenId,
        StaffRole role,
        CertificateGrade certificateGrade,
        String certificateNumber,
        LocalDate certificateIssuedOn,
        LocalDate certificateValidUntil,
        LocalDate employedFrom,
        LocalDate employedUntil,
        Boolean disputed) {

    public static final String TYPE = "CaregiverChanged";
    public static final int VERSION = 1;

    @JsonCreator // the canonical constructor reads the JSON, whichever fields it has
    public CaregiverChangedV1 {
    }

    /** An entry no one disputes (the shape of the event before {@code disputed} was added). */
    public CaregiverChangedV1(UUID staffId, UUID institutionId, String institutionUscc, String cityCode,
                              String divisionCode, String personKey, String name, String maskedCitizenId,
                              StaffRole role, CertificateGrade certificateGrade, String certificateNumber,
                              LocalDate certificateIssuedOn, LocalDate certificateValidUntil, LocalDate employedFrom,
                              LocalDate employedUntil) {
        this(staffId, institutionId, institutionUscc, cityCode, divisionCode, personKey, name, maskedCitizenId, role,
                certificateGrade, certificateNumber, certificateIssuedOn, certificateValidUntil, employedFrom,
                employedUntil, false);
    }
}
