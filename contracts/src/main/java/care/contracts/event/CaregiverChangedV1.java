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
 * @param certificateType     added later (absent = null, unknown): the type of the certificate, from the closed list
 *                            {@link CertificateType}; null also for a type entered as free text before the list
 *                            existed. A programme that names certificate types counts none for null.
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
        Boolean disputed,
        CertificateType certificateType) {

    public static final String TYPE = "CaregiverChanged";
    public static final int VERSION = 1;

    @JsonCreator // the canonical constructor reads the JSON, whichever fields it has
    public CaregiverChangedV1 {
    }

    /** An entry no one disputes, certificate type unknown (the shape of the event before both were added). */
    public CaregiverChangedV1(UUID staffId, UUID institutionId, String institutionUscc, String cityCode,
                              String divisionCode, String personKey, String name, String maskedCitizenId,
                              StaffRole role, CertificateGrade certificateGrade, String certificateNumber,
                              LocalDate certificateIssuedOn, LocalDate certificateValidUntil, LocalDate employedFrom,
                              LocalDate employedUntil) {
        this(staffId, institutionId, institutionUscc, cityCode, divisionCode, personKey, name, maskedCitizenId, role,
                certificateGrade, certificateNumber, certificateIssuedOn, certificateValidUntil, employedFrom,
                employedUntil, false, null);
    }
}
