package care.contracts.event;

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
 * @param employedUntil       null while still employed
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
        LocalDate employedUntil) {

    public static final String TYPE = "CaregiverChanged";
    public static final int VERSION = 1;
}
