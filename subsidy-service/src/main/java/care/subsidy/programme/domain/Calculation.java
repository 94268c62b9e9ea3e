package care.subsidy.programme.domain;

/**
 * How a programme's amount comes about: the part that is code. Which programme kinds exist (护理补助, 建设补贴, 运营补贴,
 * 以奖代补 …) and which calculation each uses is data ({@link ProgrammeKind}).
 */
public enum Calculation {
    /** monthly, per certified caregiver, amount by grade (rate keys = CertificateGrade names) */
    MONTHLY_BY_GRADE,
    /** one decision per institution and year, amount decided case by case up to the version's ceiling */
    DECIDED_GRANT,
    /** rate (rate key PER_UNIT) × beds/托位 filed after the version's baseline and not yet subsidised */
    PER_NEW_UNIT
}
