package care.registry.staff.domain;

import java.time.LocalDate;

/** Where an entry's certificate stands on a day: what the roster marks beside it and the export writes. */
public enum CertificateState {
    NONE("无证书"),
    VALID("有效"),
    /** valid, but ends within {@link #EXPIRING_WITHIN_DAYS} days: time for the institution to renew it */
    EXPIRING("即将到期"),
    EXPIRED("已过期");

    public static final int EXPIRING_WITHIN_DAYS = 60;

    public final String label;

    CertificateState(String label) {
        this.label = label;
    }

    /** A certificate is one with a grade or a number; one without an end date stays valid. */
    public static CertificateState of(Staff s, LocalDate today) {
        if (s.certificateGrade == null && s.certificateNumber == null) {
            return NONE;
        }
        if (s.certificateValidUntil == null) {
            return VALID;
        }
        if (s.certificateValidUntil.isBefore(today)) {
            return EXPIRED;
        }
        return s.certificateValidUntil.isAfter(today.plusDays(EXPIRING_WITHIN_DAYS)) ? VALID : EXPIRING;
    }
}
